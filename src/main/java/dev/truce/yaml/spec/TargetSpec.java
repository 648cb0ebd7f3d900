package dev.truce.yaml.spec;

import dev.truce.domain.Target;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import java.math.BigDecimal;

@Spec(doc = "The quantity a purchase must reach by its deadline; evidence entries report `amount` in the same unit.",
        expected = "a mapping with amount and unit")
public record TargetSpec(
        @Key(required = true, doc = "How much, e.g. 12.", min = 0, expected = "expected a positive number")
        BigDecimal amount,
        @Key(required = true, doc = "The unit, e.g. MMT (million metric tons).", oneLine = true,
                pattern = "\\S{1,20}", expected = "expected a unit such as MMT, one word") String unit) {

    public TargetSpec {
        if (amount != null && amount.signum() <= 0) {
            new dev.truce.yaml.Violations().add("amount", "must be more than 0 (expected a positive number)").throwIfAny();
        }
    }

    public Target toDomain() {
        return new Target(amount, unit);
    }
}
