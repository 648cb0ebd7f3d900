package dev.truce.yaml;

import static dev.truce.yaml.EditExpectations.LABEL;
import static dev.truce.yaml.EditExpectations.ended;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.TruceException;
import dev.truce.yaml.spec.OutcomeSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's proof of its own work catches an edit that changes anything besides adding the entry. */
class EditCheckTest {
    private static final String BEFORE = ObligationsEditorTest.TRUCE + """
            obligations:
              - id: a-one
                title: First
                party: US
                kind: other
                note: |
                  kept
            """;

    private static List<EditTarget> outcomeOnAOne() {
        TextLines lines = TextLines.of(BEFORE);
        SourceTree.Mapping root = (SourceTree.Mapping) SourceTree.read(BEFORE, lines);
        EditTarget target = EditTarget.find(root, "a-one", new EditTarget.Refusals(LABEL, lines));
        target.outcome = OutcomeSpec.of(ended("2026-07-01", "Court ruling"));
        return List.of(target);
    }

    private static YamlNode read(String text) {
        return new YamlTreeReader(LABEL, Long.MAX_VALUE, new ArrayList<>()).read(text);
    }

    private static final String OUTCOME = "    outcome:\n      result: ended\n      decided: 2026-07-01\n"
            + "      source: Court ruling\n";

    @Test
    void theEntryAddedWhereItWasMeantPasses() {
        EditCheck.check(LABEL, read(BEFORE), BEFORE + OUTCOME, outcomeOnAOne());
    }

    @Test
    void anEntryThatSwallowsAValueOrLandsElsewhereIsRefused() {
        String message = "obligations.yaml: the text truce would insert does not read back as the file plus the new entries "
                + "(a layout it does not handle); nothing was changed: edit the file by hand";
        // indented as the note's text, the lines would become part of the note
        String swallowed = BEFORE + OUTCOME.replaceAll("(?m)^  ", "    ");
        for (String wrong : List.of(swallowed, BEFORE.replace("kept", "changed") + OUTCOME, BEFORE, BEFORE + OUTCOME
                + "    owner: someone\n", BEFORE + "  outcome: {result: ended, decided: 2026-07-01, source: Court ruling}\n")) {
            TruceException e = assertThrows(TruceException.class,
                    () -> EditCheck.check(LABEL, read(BEFORE), wrong, outcomeOnAOne()), wrong);
            assertEquals(List.of(message), e.lines());
        }
    }
}
