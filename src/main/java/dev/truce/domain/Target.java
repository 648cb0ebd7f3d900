package dev.truce.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A quantity a purchase commitment must reach by its deadline, e.g. 12 MMT of soybeans. */
public record Target(BigDecimal amount, String unit) {
    public Target {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + unit;
    }
}
