package dev.truce.yaml;

import static dev.truce.yaml.EditExpectations.LABEL;
import static dev.truce.yaml.EditExpectations.ended;
import static dev.truce.yaml.ObligationsEditorTest.EO3;
import static dev.truce.yaml.ObligationsEditorTest.TRUCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.TruceException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What cannot be edited safely as text is refused, in one line naming the file, the line, the column and the obligation. */
class ObligationsEditorRefusalsTest {
    private static final Outcome ENDED = ended("2026-07-01", "Court ruling");

    private static String obligations(String items) {
        return TRUCE + "obligations:\n" + items;
    }

    private static final String PLAIN = """
              - id: a-one
                title: First
                party: US
                kind: paused-tariff
                due: 2026-03-31
            """;

    private static void refused(String message, Executable edit) {
        TruceException e = assertThrows(TruceException.class, edit);
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        assertEquals(List.of(message), e.lines());
    }

    @Test
    void anObligationWrittenAsAFlowMapping() {
        String text = obligations("  - {id: a-one, title: First, party: US, kind: paused-tariff, due: 2026-03-31}\n");
        refused("obligations.yaml:10:5: obligation 'a-one' is written as a flow mapping ({...}), which truce does not insert "
                + "lines into; write it one key per line, or edit it by hand",
                () -> ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3));
    }

    @Test
    void theTruceWrittenAsAFlowMapping() {
        String text = "version: 1\ntruce: {id: demo, title: T, parties: [US, CN], effective: 2026-01-01, "
                + "timezone: America/New_York, days: 90}\nobligations: []\n";
        refused("obligations.yaml:2:8: the truce is written as a flow mapping ({...}), which truce does not insert lines "
                + "into; write it one key per line, or edit it by hand", () -> ObligationsEditor.of(text, LABEL).addOutcome(null, ENDED));
    }

    @Test
    void anOutcomeThatIsAlreadyThere() {
        String text = obligations(PLAIN + "    outcome: {result: ended, source: EO 9}\n");
        refused("obligations.yaml:15:5: obligation 'a-one' already has an outcome; truce never changes one: edit it by hand",
                () -> ObligationsEditor.of(text, LABEL).addOutcome("a-one", ENDED));
    }

    @Test
    void twoOutcomesForOneObligationInOneEdit() {
        ObligationsEditor editor = ObligationsEditor.of(obligations(PLAIN), LABEL).addOutcome("a-one", ENDED);
        refused("obligations.yaml:10:5: an outcome of obligation 'a-one' is already being added",
                () -> editor.addOutcome("a-one", ENDED));
    }

    @Test
    void anIdThatIsNotThereGetsADidYouMean() {
        refused("obligations.yaml:9:1: no obligation 'a-onw' in this list; did you mean 'a-one'?",
                () -> ObligationsEditor.of(obligations(PLAIN), LABEL).addExtension("a-onw", EO3));
    }

    @Test
    void anIdWrittenTwice() {
        String text = obligations(PLAIN + PLAIN);
        refused("obligations.yaml:15:5: obligation 'a-one' is written twice (also at line 10); make the ids unique first",
                () -> ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3));
    }

    @Test
    void yamlThatDoesNotParse() {
        String text = obligations(PLAIN + "    note: \"never closed\n");
        refused("obligations.yaml:15:11: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar "
                + "at line 15, column 11) (truce edits only a file that reads cleanly)",
                () -> ObligationsEditor.of(text, LABEL));
    }

    @Test
    void aDuplicateKeyIsAProblemOfTheFileToo() {
        String text = obligations(PLAIN + "    due: 2026-04-30\n");
        refused("obligations.yaml:15:5: 'due' is a duplicate key (first at line 14) (truce edits only a file that reads "
                + "cleanly)", () -> ObligationsEditor.of(text, LABEL));
    }

    @Test
    void anEmptyFile() {
        refused("obligations.yaml:1:1: the file is empty (truce edits only a file that reads cleanly)",
                () -> ObligationsEditor.of("# nothing yet\n", LABEL));
    }

    @Test
    void aFileThatIsNotABlockMapping() {
        refused("obligations.yaml:1:1: the file is not a mapping of keys written one per line; truce edits only that",
                () -> ObligationsEditor.of("- id: a-one\n", LABEL));
    }

    @Test
    void anAnchorInTheObligation() {
        String text = obligations(PLAIN + "    sources: &instruments [EO 1]\n  - id: b-two\n    title: Second\n"
                + "    party: CN\n    kind: other\n    sources: *instruments\n");
        refused("obligations.yaml:10:5: obligation 'a-one' has or uses YAML anchors or aliases (&name, *name), so an edit "
                + "could show elsewhere too; edit it by hand", () -> ObligationsEditor.of(text, LABEL).addOutcome("a-one", ENDED));
        refused("obligations.yaml:16:5: obligation 'b-two' has or uses YAML anchors or aliases (&name, *name), so an edit "
                + "could show elsewhere too; edit it by hand", () -> ObligationsEditor.of(text, LABEL).addOutcome("b-two", ENDED));
    }

    @Test
    void anAliasOfTheListThatHoldsTheObligationIsCaughtByTheReadBack() {
        String text = TRUCE + "obligations: &all\n" + PLAIN + "copy: *all\n";
        refused("obligations.yaml: the text truce would insert does not read back as the file plus the new entries (a "
                + "layout it does not handle); nothing was changed: edit the file by hand",
                () -> ObligationsEditor.of(text, LABEL).addOutcome("a-one", ENDED).text());
    }

    @Test
    void aKeepChompingBlockScalarRightBeforeTheInsertionPoint() {
        String text = obligations(PLAIN + "    note: |+\n      kept\n\n  - id: b-two\n    title: Second\n    party: CN\n"
                + "    kind: other\n");
        refused("obligations.yaml:15:11: obligation 'a-one': a block scalar that keeps its trailing lines (|+ or >+) ends "
                + "here, so lines inserted after it would change its text; edit the file by hand",
                () -> ObligationsEditor.of(text, LABEL).addOutcome("a-one", ENDED));
        // elsewhere in the obligation it is in nobody's way
        ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3).text();
    }

    @Test
    void anIndentationIndicatorFollowedByALineOfSpaces() {
        String text = obligations(PLAIN + "    note: |2\n        indented more\n     \n");
        refused("obligations.yaml:15:11: obligation 'a-one': a block scalar with an indentation indicator (such as |2) is "
                + "followed by a line of spaces here, so lines inserted after it would change its text; edit the file by hand",
                () -> ObligationsEditor.of(text, LABEL).addOutcome("a-one", ENDED));
    }

    @Test
    void extensionsThatAreNotAList() {
        String text = obligations(PLAIN + "    extensions:\n    note: empty extensions above\n");
        refused("obligations.yaml:15:16: obligation 'a-one': extensions is not a list, so truce cannot add to it; make it a "
                + "list (or remove the empty key) first", () -> ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3));
    }

    @Test
    void anOutcomeTheSpecRefuses() {
        Outcome replacedByNothing = new Outcome(OutcomeResult.ENDED, LocalDate.parse("2026-07-01"), null, List.of("b-two"),
                null, "Court ruling", null);
        refused("obligations.yaml: the outcome of obligation 'a-one': by: only a replaced obligation names others in by "
                + "(result is ended)", () -> ObligationsEditor.of(obligations(PLAIN), LABEL).addOutcome("a-one", replacedByNothing));
    }

    @Test
    void aRefusedRequestLeavesTheEarlierOnesStanding() {
        String text = obligations(PLAIN + "    note: |+\n      kept\n\n");
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3);
        assertThrows(TruceException.class, () -> editor.addOutcome("a-one", ENDED));
        assertEquals(1, editor.insertions().size());
        assertEquals("an extension of obligation 'a-one'", editor.insertions().get(0).what());
    }
}
