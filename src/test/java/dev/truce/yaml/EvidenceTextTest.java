package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Basis;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import dev.truce.yaml.spec.EvidenceSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The text `evidence add` appends says every key of the evidence spec an entry can carry. */
class EvidenceTextTest {
    @Test
    void anEntryWithEveryOptionalKeyWritesEveryKeyOfTheSpec() {
        Evidence full = Evidence.builder("cn-soybeans-2026", Moment.parse("2026-01-10"), Stance.COMPLIES, "US", Basis.DATA,
                "USDA export sales").url("https://example.com/sales").note("cumulative: 9.1 MMT")
                .recorded(Instant.parse("2026-01-11T08:00:00Z")).recordedBy("ana").amount(new BigDecimal("9.10")).build();
        String text = EvidenceText.entry(full, "", "\n");
        for (var component : EvidenceSpec.class.getRecordComponents()) {
            Key key = component.getAnnotation(Key.class);
            String name = key != null && !key.name().isEmpty() ? key.name() : component.getName();
            assertTrue(text.contains("\n  " + name + ": ") || text.startsWith("- " + name + ": "),
                    "evidence add writes '" + name + "', a key of the spec:\n" + text);
        }
        assertTrue(text.contains("\n  amount: 9.1\n"), text);
        assertTrue(text.endsWith("  recorded_by: \"ana\"\n"), "recorded_by stays last");
        assertEquals(EvidenceSpec.class.getRecordComponents().length,
                Arrays.stream(text.split("\n")).filter(l -> l.matches("(- |  )[a-z_]+: .*")).count());
    }
}
