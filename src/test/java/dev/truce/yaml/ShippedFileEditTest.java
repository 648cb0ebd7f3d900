package dev.truce.yaml;

import static dev.truce.yaml.EditExpectations.LABEL;
import static dev.truce.yaml.EditExpectations.extended;
import static dev.truce.yaml.EditExpectations.extension;
import static dev.truce.yaml.EditExpectations.model;
import static dev.truce.yaml.EditExpectations.onlyInserted;
import static dev.truce.yaml.EditExpectations.withOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edits `truce extend` and `truce outcome` make, on the real shipped obligations.yaml. */
class ShippedFileEditTest {
    private static final Extension TRUCE_EXTENDED = new Extension(LocalDate.parse("2026-11-07"),
            Moment.parse("2027-11-10T00:01-05:00"), "EO 14400 (2026-11-07), \"Continuing the Arrangement\"",
            "unconfirmed: China's matching instrument; # not yet seen", false);
    private static final Extension PORT_FEES = extension("2026-11-08", "2027-11-10T13:01+08:00",
            "Ministry of Transport announcement, 2026-11-08");
    private static final Outcome HANWHA = new Outcome(OutcomeResult.LAPSED, LocalDate.parse("2026-11-10"), null, List.of(),
            new BigDecimal("0"), "MOFCOM statement: the suspension ran out", "Sanctions on the five units: back in force");

    private static String shipped() throws IOException {
        return Files.readString(Path.of("obligations.yaml"), StandardCharsets.UTF_8);
    }

    @Test
    void extendingTheTruceAddsAnItemAfterItsLastExtensionsFoldedNote() throws IOException {
        String before = shipped();
        ObligationsEditor editor = ObligationsEditor.of(before, LABEL).addExtension(null, TRUCE_EXTENDED);
        onlyInserted(before, editor);
        assertEquals(extended(model(before), null, TRUCE_EXTENDED), model(editor.text()));
        ObligationsEditor.Insertion insertion = editor.insertions().get(0);
        assertEquals(List.of(
                "    - decided: 2026-11-07",
                "      until: 2027-11-10T00:01-05:00",
                "      source: \"EO 14400 (2026-11-07), \\\"Continuing the Arrangement\\\"\"",
                "      note: \"unconfirmed: China's matching instrument; # not yet seen\""), insertion.lines());
        String[] lines = editor.text().split("\n", -1);
        assertTrue(lines[insertion.line() - 2].startsWith("      note: \"unconfirmed: no instrument."),
                "after the reported extension's note: " + lines[insertion.line() - 2]);
        assertEquals("  sources:", lines[insertion.line() + 3]);
    }

    @Test
    void extendingAnObligationWithoutExtensionsAddsTheKeyRightAfterItsDue() throws IOException {
        String before = shipped();
        ObligationsEditor editor = ObligationsEditor.of(before, LABEL).addExtension("cn-port-fees-suspension", PORT_FEES);
        onlyInserted(before, editor);
        assertEquals(extended(model(before), "cn-port-fees-suspension", PORT_FEES), model(editor.text()));
        ObligationsEditor.Insertion insertion = editor.insertions().get(0);
        assertEquals(List.of(
                "    extensions:",
                "      - decided: 2026-11-08",
                "        until: 2027-11-10T13:01+08:00",
                "        source: Ministry of Transport announcement, 2026-11-08"), insertion.lines());
        String[] lines = editor.text().split("\n", -1);
        assertEquals("    due: 2026-11-10T13:01+08:00", lines[insertion.line() - 2]);
        assertEquals("    sources:", lines[insertion.line() + 3]);
    }

    @Test
    void anOutcomeGoesAfterTheFoldedNoteAndBeforeTheBlankLineThatSeparatesTheNextObligation() throws IOException {
        String before = shipped();
        ObligationsEditor editor = ObligationsEditor.of(before, LABEL).addOutcome("cn-hanwha-sanctions-suspension", HANWHA);
        onlyInserted(before, editor);
        assertEquals(withOutcome(model(before), "cn-hanwha-sanctions-suspension", HANWHA), model(editor.text()));
        ObligationsEditor.Insertion insertion = editor.insertions().get(0);
        assertEquals(List.of(
                "    outcome:",
                "      result: lapsed",
                "      decided: 2026-11-10",
                "      duty: 0",
                "      source: \"MOFCOM statement: the suspension ran out\"",
                "      note: \"Sanctions on the five units: back in force\""), insertion.lines());
        String[] lines = editor.text().split("\n", -1);
        assertEquals("      No outcome is recorded.", lines[insertion.line() - 2]);
        assertEquals("", lines[insertion.line() + 5]);
        assertEquals("  - id: cn-soybeans-2025", lines[insertion.line() + 6]);
    }

    @Test
    void allThreeAtOnce() throws IOException {
        String before = shipped();
        ObligationsEditor editor = ObligationsEditor.of(before, LABEL)
                .addOutcome("cn-hanwha-sanctions-suspension", HANWHA)
                .addExtension("cn-port-fees-suspension", PORT_FEES)
                .addExtension(null, TRUCE_EXTENDED);
        onlyInserted(before, editor);
        assertEquals(3, editor.insertions().size());
        assertEquals(List.of("an extension of the truce", "an extension of obligation 'cn-port-fees-suspension'",
                "the outcome of obligation 'cn-hanwha-sanctions-suspension'"),
                editor.insertions().stream().map(ObligationsEditor.Insertion::what).toList());
        assertEquals(withOutcome(extended(extended(model(before), "cn-port-fees-suspension", PORT_FEES), null,
                TRUCE_EXTENDED), "cn-hanwha-sanctions-suspension", HANWHA), model(editor.text()));
    }

    @Test
    void everyObligationAtOnceTakesAnOutcomeAndEveryOwnDeadlineAnExtension() throws IOException {
        String before = shipped();
        Register expected = model(before);
        ObligationsEditor editor = ObligationsEditor.of(before, LABEL);
        Extension later = extension("2026-12-01", "2030-01-01", "A later instrument: \"extended\" # again");
        Outcome outcome = new Outcome(OutcomeResult.ENDED, LocalDate.parse("2026-12-01"), Moment.parse("2029-01-01"),
                List.of(), new BigDecimal("7.5"), "A ruling", "line one\nline two");
        int edits = 0;
        for (Obligation obligation : expected.obligations()) {
            if (obligation.due().type() == Due.Type.FIXED) {
                editor.addExtension(obligation.id(), later);
                expected = extended(expected, obligation.id(), later);
                edits++;
            }
            if (obligation.outcome() == null) {
                editor.addOutcome(obligation.id(), outcome);
                expected = withOutcome(expected, obligation.id(), outcome);
                edits++;
            }
        }
        editor.addOutcome(null, outcome);
        expected = withOutcome(expected, null, outcome);
        onlyInserted(before, editor);
        assertEquals(edits + 1, editor.insertions().size());
        assertEquals(expected, model(editor.text()));
    }
}
