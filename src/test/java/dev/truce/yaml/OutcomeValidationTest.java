package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake in an outcome, a target or an amount: exit 2 with file:line:col, the key, and what to write. */
class OutcomeValidationTest {
    private static final String TOP = """
            version: 1
            truce:
              id: t
              title: T
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
            obligations:
              - id: a
                title: A
                party: US
                kind: paused-tariff
                effective: 2025-06-01
                due: 2025-08-01
            """;

    @TempDir
    Path dir;

    private List<String> problems(String obligationExtra) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, TOP + obligationExtra.indent(4) + """
                  - id: b
                    title: B
                    party: CN
                    kind: purchase
                    due: 2025-12-31
                    target: {amount: 12, unit: MMT}
                """);
        TruceException e = assertThrows(TruceException.class, () -> new ObligationsFileReader().read(file, "obligations.yaml"));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        return e.lines();
    }

    @Test
    void anUnknownResultSuggestsTheClosest() throws IOException {
        assertEquals(List.of("obligations.yaml:17:15: obligations[0] (a).outcome.result: 'lapses' is not a result (expected "
                + "one of lapsed, ended, fulfilled, missed, permanent, replaced); did you mean 'lapsed'?"),
                problems("outcome:\n  result: lapses\n  source: Notice 1\n"));
    }

    @Test
    void byGoesWithReplacedOnlyAndNamesObligationsThatExist() throws IOException {
        assertEquals(List.of("obligations.yaml:18:11: obligations[0] (a).outcome.by: only a replaced obligation names others "
                + "in by (result is lapsed)"), problems("outcome:\n  result: lapsed\n  by: [b]\n  source: Notice 1\n"));
        assertEquals(List.of("obligations.yaml:17:7: obligations[0] (a).outcome.by: missing: a replaced obligation names the "
                + "obligations that take over (by: [id, ...])"), problems("outcome:\n  result: replaced\n  source: Notice 1\n"));
        assertEquals(List.of("obligations.yaml:18:12: obligations[0] (a).outcome.by[0]: 'bb' is not an obligation; did you mean "
                + "'b'?"), problems("outcome:\n  result: replaced\n  by: [bb]\n  source: Notice 1\n"));
    }

    @Test
    void anOutcomeNeedsASourceAndCannotTakeEffectBeforeTheObligationStarts() throws IOException {
        assertEquals(List.of("obligations.yaml:17:7: obligations[0] (a).outcome.source: missing (expected the instrument, "
                + "ruling or report that says so)"), problems("outcome:\n  result: ended\n"));
        assertEquals(List.of("obligations.yaml:18:18: obligations[0] (a).outcome.effective: 2025-05-20 is before the "
                + "obligation starts (2025-06-01)"), problems("outcome:\n  result: ended\n  effective: 2025-05-20\n"
                + "  source: Notice 1\n"));
    }

    @Test
    void aTargetBelongsToAPurchaseAndAnAmountToAnObligationWithATarget() throws IOException {
        assertEquals(List.of("obligations.yaml:16:13: obligations[0] (a).target: only a purchase has a target (kind is "
                + "paused-tariff)"), problems("target: {amount: 3, unit: MMT}\n"));
        assertEquals(List.of("obligations.yaml:16:13: obligations[0] (a).target.unit: missing (expected a unit such as "
                + "MMT, one word)"), problems("target: {amount: 3}\n").subList(0, 1));
        Path obligations = dir.resolve("obligations.yaml");
        Files.writeString(obligations, TOP + """
                  - id: b
                    title: B
                    party: CN
                    kind: purchase
                    due: 2025-12-31
                    target: {amount: 12, unit: MMT}
                """);
        Path evidence = Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: a
                  date: 2025-06-02
                  stance: complies
                  claimant: US
                  basis: data
                  source: USDA
                  amount: 3
                - obligation: b
                  date: 2025-06-02
                  stance: complies
                  claimant: US
                  basis: data
                  source: USDA
                  amount: 0.332
                """);
        var register = new ObligationsFileReader().read(obligations, "obligations.yaml").register();
        EntryFileReader.Read read = new EntryFileReader().read(evidence,
                new EvidenceBinding("evidence.yaml", register, "obligations.yaml"), e -> { });
        assertEquals(List.of("evidence.yaml:7:11: [0].amount: only an obligation with a target takes an amount (a has "
                + "no target in obligations.yaml)"), read.lines("evidence.yaml", true).subList(0, 1));
        assertEquals(1, read.entries(), "the entry for b, with its amount, is read");
    }
}
