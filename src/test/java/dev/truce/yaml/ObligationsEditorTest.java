package dev.truce.yaml;

import static dev.truce.yaml.EditExpectations.LABEL;
import static dev.truce.yaml.EditExpectations.ended;
import static dev.truce.yaml.EditExpectations.extended;
import static dev.truce.yaml.EditExpectations.extension;
import static dev.truce.yaml.EditExpectations.model;
import static dev.truce.yaml.EditExpectations.onlyInserted;
import static dev.truce.yaml.EditExpectations.withOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inserting into the shapes hand-written files take: every character outside the new lines stays, the new
 * lines look like their neighbours, and the file reads back as before plus exactly the news.
 */
class ObligationsEditorTest {
    static final Extension EO3 = extension("2026-06-20", "2026-12-31", "EO 3");

    /** Two-space indentation, comments everywhere, trailing spaces, a folded note, section comments. */
    static final String COMMENTED = """
            # The desk's file.  \s
            version: 1
            truce:
              id: demo
              title: A demo truce
              parties: [US, CN]
              effective: 2026-01-01
              timezone: America/New_York
              days: 90         # the first term
              # the instruments follow
              sources: [Geneva statement]

            obligations:

              # ---- first section ----

              - id: a-one
                title: "First, with # not a comment"   # a comment
            # a comment at column 0 inside the mapping
                party: US
                kind: paused-tariff
                # due is a date of its own
                due: 2026-06-30      # through the end of June
                # a comment between due and sources
                sources:
                  - EO 1
                  - 'EO 2'\s\s
                note: >-
                  Folded note
                  over two lines.

              # ---- second section ----
              - id: b-two
                title: Second
                party: CN
                kind: other
            """;

    @Test
    void aFirstExtensionBecomesAnExtensionsKeyRightAfterDue() {
        ObligationsEditor editor = ObligationsEditor.of(COMMENTED, LABEL).addExtension("a-one", EO3);
        onlyInserted(COMMENTED, editor);
        assertEquals(extended(model(COMMENTED), "a-one", EO3), model(editor.text()));
        assertEquals("""
                    extensions:
                      - decided: 2026-06-20
                        until: 2026-12-31
                        source: EO 3
                """, editor.insertions().get(0).text());
        assertTrue(editor.text().contains("    due: 2026-06-30      # through the end of June\n    extensions:\n"),
                editor.text());
        assertTrue(editor.text().contains("        source: EO 3\n    # a comment between due and sources\n"));
    }

    @Test
    void anOutcomeGoesAfterTheFoldedNoteBeforeTheBlankLineAndTheNextSectionsComment() {
        Outcome outcome = ended("2026-07-01", "Court ruling, 2026-07-01");
        ObligationsEditor editor = ObligationsEditor.of(COMMENTED, LABEL).addOutcome("a-one", outcome);
        onlyInserted(COMMENTED, editor);
        assertEquals(withOutcome(model(COMMENTED), "a-one", outcome), model(editor.text()));
        assertTrue(editor.text().contains("""
                      over two lines.
                    outcome:
                      result: ended
                      decided: 2026-07-01
                      source: Court ruling, 2026-07-01

                  # ---- second section ----
                """), editor.text());
        assertEquals(31, editor.insertions().get(0).line());
    }

    @Test
    void theTruceWithoutExtensionsGetsTheKeyAfterDays() {
        Extension reported = new Extension(LocalDate.parse("2026-03-20"), Moment.parse("2026-09-30"),
                "Minister on television", "no instrument yet", true);
        ObligationsEditor editor = ObligationsEditor.of(COMMENTED, LABEL).addExtension(null, reported);
        onlyInserted(COMMENTED, editor);
        assertEquals(extended(model(COMMENTED), null, reported), model(editor.text()));
        assertTrue(editor.text().contains("""
                  days: 90         # the first term
                  extensions:
                    - decided: 2026-03-20
                      until: 2026-09-30
                      reported: true
                      source: Minister on television
                      note: no instrument yet
                  # the instruments follow
                """), editor.text());
    }

    @Test
    void anOutcomeOfTheTruceEndsItsMappingBeforeTheBlankLine() {
        Outcome outcome = new Outcome(OutcomeResult.LAPSED, LocalDate.parse("2026-04-02"), null, List.of(), null,
                "Nothing was signed", "yes");
        ObligationsEditor editor = ObligationsEditor.of(COMMENTED, LABEL).addOutcome(null, outcome);
        onlyInserted(COMMENTED, editor);
        assertEquals(withOutcome(model(COMMENTED), null, outcome), model(editor.text()));
        assertTrue(editor.text().contains("""
                  sources: [Geneva statement]
                  outcome:
                    result: lapsed
                    decided: 2026-04-02
                    source: Nothing was signed
                    note: "yes"

                obligations:
                """), editor.text());
    }

    @Test
    void crlfFilesGetCrlfLines() {
        String crlf = COMMENTED.replace("\n", "\r\n");
        Outcome outcome = ended("2026-07-01", "Court ruling");
        ObligationsEditor editor = ObligationsEditor.of(crlf, LABEL).addExtension("a-one", EO3).addOutcome("b-two", outcome)
                .addExtension(null, extension("2026-03-30", "2026-06-30", "EO 4"));
        onlyInserted(crlf, editor);
        assertEquals(withOutcome(extended(extended(model(COMMENTED), "a-one", EO3), null,
                extension("2026-03-30", "2026-06-30", "EO 4")), "b-two", outcome), model(editor.text()));
        for (ObligationsEditor.Insertion insertion : editor.insertions()) {
            assertTrue(insertion.text().endsWith("\r\n"), insertion.text());
            assertFalse(insertion.text().replace("\r\n", "").contains("\n"), insertion.text());
        }
        assertFalse(editor.text().replace("\r\n", "").contains("\n"), "no bare line feed anywhere");
    }

    @Test
    void aByteOrderMarkStays() {
        String marked = "\uFEFF" + COMMENTED;
        ObligationsEditor editor = ObligationsEditor.of(marked, LABEL).addExtension("a-one", EO3);
        assertTrue(editor.text().startsWith("\uFEFF# The desk's file."));
        onlyInserted(marked, editor);
        assertEquals(extended(model(COMMENTED), "a-one", EO3), model(editor.text()));
    }

    @Test
    void aFileWithoutAFinalLineBreakStillHasNoneAndNoLineIsGlued() {
        String unterminated = COMMENTED.substring(0, COMMENTED.length() - 1);
        Outcome outcome = ended("2026-07-01", "Court ruling");
        ObligationsEditor editor = ObligationsEditor.of(unterminated, LABEL).addOutcome("b-two", outcome);
        onlyInserted(unterminated, editor);
        assertEquals(withOutcome(model(COMMENTED), "b-two", outcome), model(editor.text()));
        assertTrue(editor.text().endsWith("    kind: other\n    outcome:\n      result: ended\n      decided: 2026-07-01\n"
                + "      source: Court ruling"), editor.text());
        assertEquals(List.of("    outcome:", "      result: ended", "      decided: 2026-07-01", "      source: Court ruling"),
                editor.insertions().get(0).lines());
        assertEquals(editor.text().split("\n").length - 3, editor.insertions().get(0).line());
    }

    @Test
    void aFoldedNoteAtTheVeryEndWithoutALineBreak() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: other
                    note: >-
                      ends the file
                      without a break""".stripTrailing();
        Outcome outcome = ended("2026-07-01", "Court ruling");
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addOutcome("a-one", outcome);
        onlyInserted(text, editor);
        assertEquals(withOutcome(model(text), "a-one", outcome), model(editor.text()));
        assertTrue(editor.text().endsWith("      without a break\n    outcome:\n      result: ended\n"
                + "      decided: 2026-07-01\n      source: Court ruling"), editor.text());
    }

    static final String TRUCE = """
            version: 1
            truce:
              id: demo
              title: A demo truce
              parties: [US, CN]
              effective: 2026-01-01
              timezone: America/New_York
              days: 90
            """;

    @Test
    void fourSpacesWithAnExistingListWhoseLastItemEndsInAFoldedNoteAndAComment() {
        String text = """
                version: 1
                truce:
                    id: demo
                    title: A demo truce
                    parties: [US, CN]
                    effective: 2026-01-01
                    timezone: America/New_York
                    days: 90
                obligations:
                    -   id: a-one
                        title: First
                        party: US
                        kind: paused-tariff
                        due: 2026-03-31
                        extensions:
                            -   decided: 2026-03-30
                                until: 2026-06-30
                                source: EO 2
                                note: >-
                                    Folded, with a # that is text
                                    and a second line.

                                # a comment inside the item, after a blank line
                        sources: [EO 1]
                """;
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3);
        onlyInserted(text, editor);
        assertEquals(extended(model(text), "a-one", EO3), model(editor.text()));
        assertTrue(editor.text().contains(String.join("\n",
                "                    and a second line.",
                "            -   decided: 2026-06-20",
                "                until: 2026-12-31",
                "                source: EO 3",
                "",
                "                # a comment inside the item, after a blank line",
                "        sources: [EO 1]")), editor.text());
    }

    @Test
    void listsWrittenAtTheKeysColumnGetItemsAtTheKeysColumn() {
        String text = """
                version: 1
                truce:
                  id: demo
                  title: A demo truce
                  parties: [US, CN]
                  effective: 2026-01-01
                  timezone: America/New_York
                  days: 90
                  extensions:
                  - decided: 2026-03-30
                    until: 2026-06-30T00:01-04:00
                    source: EO 2
                obligations:
                - id: a-one
                  title: First
                  party: US
                  kind: paused-tariff
                  due: 2026-03-31
                  sources:
                  - EO 1
                """;
        Extension truce = extension("2026-06-29", "2026-09-30T00:01-04:00", "EO 5");
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension(null, truce).addExtension("a-one", EO3);
        onlyInserted(text, editor);
        assertEquals(extended(extended(model(text), null, truce), "a-one", EO3), model(editor.text()));
        assertEquals("""
                  - decided: 2026-06-29
                    until: 2026-09-30T00:01-04:00
                    source: EO 5
                """, editor.insertions().get(0).text());
        assertEquals("""
                  extensions:
                  - decided: 2026-06-20
                    until: 2026-12-31
                    source: EO 3
                """, editor.insertions().get(1).text());
    }

    @Test
    void inAMixedFileTheObligationsOwnIndentationWins() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: paused-tariff
                    due: 2026-03-31
                    duty:
                        market: US
                        kept: 0
                        lapsed: 25
                    covers: [all]
                    sources:
                        -    EO 1
                  - id: b-two
                    title: Second
                    party: CN
                    kind: other
                    target:
                      amount: 3
                      unit: MMT
                """.replace("kind: other", "kind: purchase");
        Outcome outcome = ended("2026-04-01", "EO 6");
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3).addOutcome("a-one", outcome);
        onlyInserted(text, editor);
        assertEquals(withOutcome(extended(model(text), "a-one", EO3), "a-one", outcome), model(editor.text()));
        assertEquals("""
                    extensions:
                        - decided: 2026-06-20
                          until: 2026-12-31
                          source: EO 3
                """, editor.insertions().get(0).text());
        assertEquals("""
                    outcome:
                        result: ended
                        decided: 2026-04-01
                        source: EO 6
                """, editor.insertions().get(1).text());
    }

    @Test
    void aFlowListSpanningLinesGetsTheItemAfterItsLastItem() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: paused-tariff
                    due: 2026-03-31
                    extensions: [{decided: 2026-03-30, until: 2026-06-30,
                        source: "EO 2, \\"quoted ] and } inside\\"", note: 'it''s [nested] {x} # not a comment'},   # a comment ]
                      ]
                    sources: [EO 1]
                """;
        Extension tricky = new Extension(LocalDate.parse("2026-06-20"), Moment.parse("2026-12-31"), "EO 3, part [a]",
                "a {brace}, a \"quote\" and a # sign", false);
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", tricky);
        onlyInserted(text, editor);
        assertEquals(extended(model(text), "a-one", tricky), model(editor.text()));
        assertEquals(", {decided: 2026-06-20, until: 2026-12-31, source: \"EO 3, part [a]\", "
                + "note: \"a {brace}, a \\\"quote\\\" and a # sign\"}", editor.insertions().get(0).text());
        assertTrue(editor.text().contains(" # not a comment'}, {decided: 2026-06-20"), editor.text());
        assertEquals(16, editor.insertions().get(0).line());
    }

    @Test
    void anEmptyFlowListAndTwoExtensionsAtOnce() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: paused-tariff
                    due: 2026-03-31
                    extensions: []   # none yet
                """;
        Extension later = extension("2026-12-01", "2027-06-30", "EO 4");
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3).addExtension("a-one", later);
        onlyInserted(text, editor);
        assertEquals(extended(model(text), "a-one", EO3, later), model(editor.text()));
        assertTrue(editor.text().contains("    extensions: [{decided: 2026-06-20, until: 2026-12-31, source: EO 3}, "
                + "{decided: 2026-12-01, until: 2027-06-30, source: EO 4}]   # none yet\n"), editor.text());
    }

    @Test
    void flowMappingItemsInABlockListAreNeighboursLikeAnyOther() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: paused-tariff
                    due: 2026-03-31
                    extensions:
                      - {decided: 2026-03-30, until: 2026-06-30, source: EO 2}
                      - {until: 2026-07-15T23:59-04:00, source: EO 2b}   # an hour later
                """;
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3);
        onlyInserted(text, editor);
        assertEquals(extended(model(text), "a-one", EO3), model(editor.text()));
        assertTrue(editor.text().endsWith("""
                      - {until: 2026-07-15T23:59-04:00, source: EO 2b}   # an hour later
                      - decided: 2026-06-20
                        until: 2026-12-31
                        source: EO 3
                """), editor.text());
    }

    @Test
    void severalEditsAtOnceOnSeveralTargets() {
        Extension later = extension("2026-12-01", "2027-06-30", "EO 4");
        Extension truce = extension("2026-03-30", "2026-06-30", "EO 5");
        Outcome replaced = new Outcome(OutcomeResult.REPLACED, LocalDate.parse("2026-05-01"), Moment.parse("2026-05-02"),
                List.of("a-one"), null, "Split", null);
        ObligationsEditor editor = ObligationsEditor.of(COMMENTED, LABEL).addExtension("a-one", EO3)
                .addOutcome("b-two", replaced).addExtension(null, truce).addExtension("a-one", later);
        onlyInserted(COMMENTED, editor);
        Register expected = withOutcome(extended(extended(model(COMMENTED), "a-one", EO3, later), null, truce),
                "b-two", replaced);
        assertEquals(expected, model(editor.text()));
        assertEquals(1, editor.text().split("\n    extensions:\n", -1).length - 1, "one new key for both extensions");
        assertTrue(editor.text().endsWith("""
                    kind: other
                    outcome:
                      result: replaced
                      decided: 2026-05-01
                      effective: 2026-05-02
                      by: [a-one]
                      source: Split
                """), editor.text());
        assertEquals(List.of(10, 28, 48), editor.insertions().stream().map(ObligationsEditor.Insertion::line).toList());
    }

    @Test
    void withoutADueKeyTheExtensionsKeyEndsTheMapping() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: paused-tariff
                    note: no due date # so it follows the truce

                  - id: b-two
                    title: Second
                    party: CN
                    kind: other
                """;
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", EO3);
        onlyInserted(text, editor);
        assertTrue(editor.text().contains("""
                    note: no due date # so it follows the truce
                    extensions:
                      - decided: 2026-06-20
                        until: 2026-12-31
                        source: EO 3

                  - id: b-two
                """), editor.text());
    }

    @Test
    void charactersBeyondTheBasicPlaneBeforeTheInsertionDoNotShiftIt() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: "Soybeans 🫘 and flags 🇺🇸🇨🇳"
                    party: US
                    kind: paused-tariff
                    note: 𝒜 note in 𝔪𝔞𝔱𝔥 letters 🙂
                    due: 2026-03-31
                    sources: [EO 1 🙂]
                """;
        Extension emoji = new Extension(LocalDate.parse("2026-03-30"), Moment.parse("2026-06-30"), "EO 2 🙂",
                "Ünïcode “quotes” 中文 🫘", false);
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addExtension("a-one", emoji);
        onlyInserted(text, editor);
        assertEquals(extended(model(text), "a-one", emoji), model(editor.text()));
        assertTrue(editor.text().contains("    due: 2026-03-31\n    extensions:\n"), editor.text());
    }

    @Test
    void aLineOfSpacesThatIsPartOfALiteralNoteStaysInIt() {
        String text = TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: other
                    note: |
                      line one
                      line two
                      \s\s
                    \s\s
                  - id: b-two
                    title: Second
                    party: CN
                    kind: other
                """;
        Outcome outcome = ended("2026-07-01", "Court ruling");
        ObligationsEditor editor = ObligationsEditor.of(text, LABEL).addOutcome("a-one", outcome);
        onlyInserted(text, editor);
        assertEquals("line one\nline two\n  \n", EditExpectations.obligation(model(text), "a-one").note());
        assertEquals(withOutcome(model(text), "a-one", outcome), model(editor.text()));
        assertTrue(editor.text().contains("      line two\n        \n    outcome:\n"), editor.text());
    }
}
