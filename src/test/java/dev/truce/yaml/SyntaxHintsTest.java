package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two syntax errors people make most, said in words at the key to fix: a key indented unlike the keys beside
 * it, and a key without its ':'. Each case is one mistake in a file that reads without one, in the places an
 * analyst edits: the top level, the truce, an obligation, an extension of an obligation, the first key after
 * '- ', the last key of the file, after a comment and a blank line, after a {@code note: >-} block.
 */
class SyntaxHintsTest {
    /** Reads without a problem; line 11 is the example of the documentation ("title Suspend the…"). */
    static final String TWO_SPACES = """
            version: 1
            truce:
              id: us-cn-2025
              title: Geneva
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
            obligations:
              - id: us-reciprocal-suspension
                title: Suspend the duty
                party: US
                kind: paused-tariff
                due: 2025-08-12
                note: >-
                  Some text here
                  continues.
                extensions:
                  - decided: 2025-08-11
                    until: 2025-11-10
                    source: EO 14334
              - id: cn-soybeans
                title: Buy soybeans
                party: CN
                kind: other
            """;
    /** The same file as an editor set to four spaces writes it: keys four deeper, the first after '- ' as ever. */
    static final String FOUR_SPACES = """
            version: 1
            truce:
                id: us-cn-2025
                title: Geneva
                parties: [US, CN]
                effective: 2025-05-14T00:01-04:00
                timezone: America/New_York
                days: 90
            obligations:
                - id: us-reciprocal-suspension
                  title: Suspend the duty
                  party: US
                  kind: paused-tariff
                  due: 2025-08-12
                  note: >-
                      Some text here
                      continues.
                  extensions:
                      - decided: 2025-08-11
                        until: 2025-11-10
                        source: EO 14334
                - id: cn-soybeans
                  title: Buy soybeans
                  party: CN
                  kind: other
            """;
    private static final String MAPPING_VALUES = " (YAML syntax error: mapping values are not allowed here)";
    private static final String BLOCK_END = " (YAML syntax error: expected <block end>, but found '<block mapping start>')";
    private static final String NO_COLON = " (YAML syntax error: could not find expected ':')";

    @TempDir
    Path dir;

    private TruceException invalid(String text) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return assertThrows(InvalidYaml.class,
                () -> new ObligationsFileReader().read(file, "obligations.yaml"));
    }

    private String problem(String text) throws IOException {
        List<String> lines = invalid(text).lines();
        assertEquals(1, lines.size(), lines::toString);
        return lines.get(0);
    }

    private static String mistake(String text, String from, String to) {
        assertEquals(1, text.split(java.util.regex.Pattern.quote(from), -1).length - 1, "once: " + from);
        return text.replace(from, to);
    }

    @Test
    void theFilesReadWithoutAProblem() throws IOException {
        for (String text : List.of(TWO_SPACES, FOUR_SPACES)) {
            Path file = dir.resolve("obligations.yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            assertEquals(2, new ObligationsFileReader().read(file, "obligations.yaml").register().obligations().size());
        }
    }

    @Test
    void aKeyIndentedMoreThanTheKeysBesideIt() throws IOException {
        assertEquals("obligations.yaml:2:3: 'truce' is indented 2 spaces, but the keys beside it are not indented "
                + "(version, line 1): line it up with them" + MAPPING_VALUES, problem(mistake(TWO_SPACES, "\ntruce:", "\n  truce:")));
        assertEquals("obligations.yaml:4:5: 'title' is indented 4 spaces, but the keys beside it are indented 2 (id, line 3): "
                + "line it up with them" + MAPPING_VALUES, problem(mistake(TWO_SPACES, "  title: Geneva", "    title: Geneva")));
        assertEquals("obligations.yaml:12:7: 'party' is indented 6 spaces, but the keys beside it are indented 4 (title, "
                + "line 11): line it up with them" + MAPPING_VALUES, problem(mistake(TWO_SPACES, "    party: US", "      party: US")));
        assertEquals("obligations.yaml:20:11: 'until' is indented 10 spaces, but the keys beside it are indented 8 (decided, "
                + "line 19): line it up with them" + MAPPING_VALUES, problem(mistake(TWO_SPACES, "        until:", "          until:")));
        assertEquals("obligations.yaml:25:7: 'kind' is indented 6 spaces, but the keys beside it are indented 4 (party, "
                + "line 24): line it up with them" + MAPPING_VALUES, problem(mistake(TWO_SPACES, "    kind: other", "      kind: other")));
    }

    @Test
    void aKeyIndentedLessThanTheKeysBesideIt() throws IOException {
        assertEquals("obligations.yaml:4:2: 'title' is indented 1 space, but the keys beside it are indented 2 (id, line 3): "
                + "line it up with them" + BLOCK_END, problem(mistake(TWO_SPACES, "  title: Geneva", " title: Geneva")));
        assertEquals("obligations.yaml:12:4: 'party' is indented 3 spaces, but the keys beside it are indented 4 (title, "
                + "line 11): line it up with them" + BLOCK_END, problem(mistake(TWO_SPACES, "    party: US", "   party: US")));
        assertEquals("obligations.yaml:20:8: 'until' is indented 7 spaces, but the keys beside it are indented 8 (decided, "
                + "line 19): line it up with them" + BLOCK_END, problem(mistake(TWO_SPACES, "        until:", "       until:")));
        assertEquals("obligations.yaml:25:4: 'kind' is indented 3 spaces, but the keys beside it are indented 4 (party, "
                + "line 24): line it up with them" + BLOCK_END, problem(mistake(TWO_SPACES, "    kind: other", "   kind: other")));
        assertEquals("obligations.yaml:23:4: 'title' is indented 3 spaces, but the keys beside it are indented 4 (id, "
                + "line 22): line it up with them" + BLOCK_END, problem(mistake(TWO_SPACES, "    title: Buy", "   title: Buy")));
    }

    @Test
    void aKeyBackAtTheColumnOfTheDashesIsStillOneKeyOutOfLine() throws IOException {
        assertEquals("obligations.yaml:12:3: 'party' is indented 2 spaces, but the keys beside it are indented 4 (title, "
                + "line 11): line it up with them (YAML syntax error: expected <block end>, but found '?')",
                problem(mistake(TWO_SPACES, "    party: US", "  party: US")));
    }

    @Test
    void theFirstKeyAfterADashIsTheOneOutOfLineWhenTheKeysBelowAgree() throws IOException {
        assertEquals("obligations.yaml:10:6: 'id' is indented 5 spaces (counting its '- '), but the keys below it are "
                + "indented 4 (title, line 11): line it up with them" + BLOCK_END,
                problem(mistake(TWO_SPACES, "  - id: us-rec", "  -  id: us-rec")));
    }

    @Test
    void commentsAndBlankLinesBetweenTheKeysAreNotKeys() throws IOException {
        assertEquals("obligations.yaml:26:7: 'party' is indented 6 spaces, but the keys beside it are indented 4 (title, "
                + "line 23): line it up with them" + " (YAML syntax error: expected <block end>, but found '<block mapping "
                + "start>')", problem(mistake(TWO_SPACES, "    party: CN", "    # a comment\n\n      party: CN")));
        assertEquals("obligations.yaml:26:4: 'party' is indented 3 spaces, but the keys beside it are indented 4 (title, "
                + "line 23): line it up with them" + BLOCK_END, problem(mistake(TWO_SPACES, "    party: CN",
                        "\n    # a comment\n   party: CN")));
    }

    @Test
    void theLinesOfANoteBlockAreTextNotKeys() throws IOException {
        assertEquals("obligations.yaml:18:6: 'extensions' is indented 5 spaces, but the keys beside it are indented 4 "
                + "(note, line 15): line it up with them" + BLOCK_END,
                problem(mistake(TWO_SPACES, "    extensions:", "     extensions:")));
        assertEquals("obligations.yaml:18:4: 'extensions' is indented 3 spaces, but the keys beside it are indented 4 "
                + "(note, line 15): line it up with them" + BLOCK_END,
                problem(mistake(TWO_SPACES, "    extensions:", "   extensions:")));
    }

    @Test
    void aListItemOutOfLineWithTheItemsBesideIt() throws IOException {
        assertEquals("obligations.yaml:22:4: a list item ('-') is indented 3 spaces, but the items beside it are indented 2 "
                + "(line 10): line it up with them (YAML syntax error: expected <block end>, but found '<block sequence "
                + "start>')", problem(mistake(TWO_SPACES, "  - id: cn-soybeans", "   - id: cn-soybeans")));
    }

    @Test
    void aKeyWithoutItsColon() throws IOException {
        String advice = ": a key and its value are written 'key: value'";
        assertEquals("obligations.yaml:11:5: this line has no ':' after its key ('title Suspend the…')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "title: Suspend", "title Suspend")));
        assertEquals("obligations.yaml:12:5: this line has no ':' after its key ('party US')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "party: US", "party US")));
        assertEquals("obligations.yaml:1:1: this line has no ':' after its key ('version 1')" + advice + MAPPING_VALUES,
                problem(mistake(TWO_SPACES, "version: 1", "version 1")));
        assertEquals("obligations.yaml:2:1: this line has no ':' after its key ('truce')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "\ntruce:", "\ntruce")));
        assertEquals("obligations.yaml:8:3: this line has no ':' after its key ('days 90')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "days: 90", "days 90")));
        assertEquals("obligations.yaml:20:9: this line has no ':' after its key ('until 2025-11-10')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "until: 2025-11-10", "until 2025-11-10")));
    }

    @Test
    void aKeyWithoutItsColonInTheHardPlaces() throws IOException {
        String advice = ": a key and its value are written 'key: value'";
        assertEquals("obligations.yaml:10:5: this line has no ':' after its key ('id us-reciprocal-sus…')" + advice
                + MAPPING_VALUES, problem(mistake(TWO_SPACES, "- id: us-rec", "- id us-rec")));
        assertEquals("obligations.yaml:18:5: this line has no ':' after its key ('extensions')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "    extensions:", "    extensions")));
        assertEquals("obligations.yaml:26:5: this line has no ':' after its key ('party CN')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "    party: CN", "\n    # a comment\n    party CN")));
        assertEquals("obligations.yaml:25:5: this line has no ':' after its key ('kind other')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "kind: other\n", "kind other\n")));
        assertEquals("obligations.yaml:25:5: this line has no ':' after its key ('kind other')" + advice + NO_COLON,
                problem(mistake(TWO_SPACES, "kind: other\n", "kind other")));
    }

    @Test
    void aKeyWithoutItsColonBeforeItsListIsTheKeyNotTheList() throws IOException {
        String sources = mistake(TWO_SPACES, "    kind: other\n", "    kind: other\n    sources:\n      - EO 14298\n"
                + "      - EO 14334\n    note: x\n");
        assertEquals("obligations.yaml:26:5: this line has no ':' after its key ('sources'): a key and its value are "
                + "written 'key: value'" + NO_COLON, problem(mistake(sources, "    sources:", "    sources")));
    }

    @Test
    void aKeyDeeperThanAnItemOfTextBelongsWithTheListsKey() throws IOException {
        String sources = mistake(TWO_SPACES, "    kind: other\n", "    kind: other\n    sources:\n      - EO 14298\n"
                + "    note: x\n");
        assertEquals("obligations.yaml:28:8: 'note' is indented 7 spaces, but the keys beside it are indented 4 (sources, "
                + "line 26): line it up with them" + MAPPING_VALUES, problem(mistake(sources, "    note: x", "       note: x")));
        assertEquals("obligations.yaml:27:4: a list item ('-') is indented 3 spaces, but its key above it is indented 4 "
                + "(sources, line 26): indent the items of a key further than the key (YAML syntax error: expected "
                + "<block end>, but found '<block sequence start>')", problem(mistake(sources, "      - EO", "   - EO")));
    }

    @Test
    void aLineOfANoteLeftOfTheTextAboveItIsText() throws IOException {
        assertEquals("obligations.yaml:17:5: this line is indented 4 spaces, but the lines of text above it are indented 6 "
                + "(note, line 16): line it up with them (YAML syntax error: could not find expected ':')",
                problem(mistake(TWO_SPACES, "      continues.", "    continues.")));
        assertEquals("obligations.yaml:17:6: this line is indented 5 spaces, but the lines of text above it are indented 6 "
                + "(note, line 16): line it up with them (YAML syntax error: expected <block end>, but found '<scalar>')",
                problem(mistake(TWO_SPACES, "      continues.", "     continues.")));
        assertEquals("obligations.yaml:16:5: this line is indented 4 spaces, no more than the key its text belongs to (note, "
                + "line 15): indent the text of a key further than the key (YAML syntax error: could not find expected ':')",
                problem(mistake(TWO_SPACES, "      Some text", "    Some text")));
    }

    @Test
    void aFileIndentedByFourSpacesIsExplainedTheSameWay() throws IOException {
        assertEquals("obligations.yaml:4:7: 'title' is indented 6 spaces, but the keys beside it are indented 4 (id, line 3): "
                + "line it up with them" + MAPPING_VALUES, problem(mistake(FOUR_SPACES, "    title: Geneva", "      title: Geneva")));
        assertEquals("obligations.yaml:12:6: 'party' is indented 5 spaces, but the keys beside it are indented 6 (title, "
                + "line 11): line it up with them" + BLOCK_END, problem(mistake(FOUR_SPACES, "      party: US", "     party: US")));
        assertEquals("obligations.yaml:20:15: 'until' is indented 14 spaces, but the keys beside it are indented 12 (decided, "
                + "line 19): line it up with them" + MAPPING_VALUES,
                problem(mistake(FOUR_SPACES, "            until:", "              until:")));
        assertEquals("obligations.yaml:10:8: 'id' is indented 7 spaces (counting its '- '), but the keys below it are "
                + "indented 6 (title, line 11): line it up with them" + BLOCK_END,
                problem(mistake(FOUR_SPACES, "    - id: us-rec", "    -  id: us-rec")));
        assertEquals("obligations.yaml:11:7: this line has no ':' after its key ('title Suspend the…'): a key and its value "
                + "are written 'key: value'" + NO_COLON, problem(mistake(FOUR_SPACES, "title: Suspend", "title Suspend")));
    }

    @Test
    void mailAndLogsGetTheExplanationWithoutTheFilesText() throws IOException {
        assertEquals(List.of("obligations.yaml:12:7: a key is indented 6 spaces, but the keys beside it are indented 4 "
                + "(line 11): line it up with them"), ((InvalidYaml) invalid(
                        mistake(TWO_SPACES, "    party: US", "      party: US"))).redacted());
        assertEquals(List.of("obligations.yaml:11:5: this line has no ':' after its key: a key and its value are written "
                + "'key: value'"), ((InvalidYaml) invalid(
                        mistake(TWO_SPACES, "title: Suspend", "title Suspend"))).redacted());
        assertEquals(List.of("obligations.yaml:10:6: a key is indented 5 spaces (counting its '- '), but the keys below it "
                + "are indented 4 (line 11): line it up with them"), ((InvalidYaml) invalid(
                        mistake(TWO_SPACES, "  - id: us-rec", "  -  id: us-rec"))).redacted());
    }

    @Test
    void anEntryOfTheEvidenceLogIsExplainedAtItsLineInTheFile() throws IOException {
        String entry = """
                - obligation: us-reciprocal-suspension
                  date: 2025-05-14
                  stance: complies
                  claimant: US
                  basis: act
                  source: Federal Register
                """;
        String text = entry + mistake(entry, "  stance:", "   stance:") + entry + mistake(entry, "basis: act", "basis act")
                + entry;
        Path file = dir.resolve("evidence.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<dev.truce.domain.Evidence> read = new java.util.ArrayList<>();
        EntryFileReader.Read result = new EntryFileReader().read(file,
                new EvidenceBinding("evidence.yaml", List.of("us-reciprocal-suspension"), "obligations.yaml"), read::add);
        assertEquals(3, read.size());
        assertEquals(List.of("evidence.yaml:9:4: 'stance' is indented 3 spaces, but the keys beside it are indented 2 (date, "
                + "line 8): line it up with them" + MAPPING_VALUES, "evidence.yaml:23:3: this line has no ':' after its key "
                + "('basis act'): a key and its value are written 'key: value'" + NO_COLON), result.lines("evidence.yaml", true));
        assertEquals(List.of("evidence.yaml:9:4: a key is indented 3 spaces, but the keys beside it are indented 2 (line 8): "
                + "line it up with them", "evidence.yaml:23:3: this line has no ':' after its key: a key and its value are "
                + "written 'key: value'"), result.lines("evidence.yaml", false));
    }

    /**
     * Every line of both files, indented 1 to 3 spaces more or less, or without its ':': the reader never fails for
     * it, every problem is on a line of the file, and what goes to mail and logs names no key of the file.
     */
    @Test
    void everySlipOfEveryLineIsReportedWithoutFailingOrNamingTheText() {
        java.util.regex.Pattern keys = java.util.regex.Pattern.compile("\\b(version|truce|id|title|parties|effective|"
                + "timezone|days|obligations|party|kind|due|note|extensions|decided|until|source|Suspend|Geneva)\\b");
        int explained = 0;
        for (String file : List.of(TWO_SPACES, FOUR_SPACES)) {
            List<String> lines = file.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int indent = line.length() - line.stripLeading().length();
                List<String> slips = new java.util.ArrayList<>();
                for (int by = -3; by <= 3; by++) {
                    if (by != 0 && indent + by >= 0) {
                        slips.add(" ".repeat(indent + by) + line.strip());
                    }
                }
                slips.add(line.replaceFirst(":( |$)", "$1"));
                for (String slip : slips) {
                    List<String> copy = new java.util.ArrayList<>(lines);
                    copy.set(i, slip);
                    List<Problem> problems = new java.util.ArrayList<>();
                    new YamlTreeReader("f", Long.MAX_VALUE, problems).read(String.join("\n", copy) + "\n");
                    for (Problem p : problems) {
                        String where = "line " + (i + 1) + " as [" + slip + "]: " + p.render();
                        assertTrue(p.position().line() >= 1 && p.position().line() <= lines.size() + 1, where);
                        assertTrue(!keys.matcher(p.redacted()).find(), where);
                        explained += p.render().contains("(YAML syntax error") ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(explained > 250, explained + " explained");
    }

    @Test
    void otherSyntaxErrorsKeepTheParsersWords() throws IOException {
        assertEquals("obligations.yaml:11:12: YAML syntax error: found unexpected end of stream (while scanning a quoted "
                + "scalar at line 11, column 12)", problem(mistake(TWO_SPACES, "title: Suspend the duty", "title: \"Suspend the duty")));
        assertEquals("obligations.yaml:5:20: YAML syntax error: expected <block end>, but found ']' (while parsing a block "
                + "mapping at line 3, column 3)", problem(mistake(TWO_SPACES, "[US, CN]", "[US, CN]]")));
        assertEquals("obligations.yaml:11:23: YAML syntax error: mapping values are not allowed here",
                problem(mistake(TWO_SPACES, "title: Suspend the duty", "title: Suspend the: duty")));
        assertEquals("obligations.yaml:12:1: tab character; YAML indents with spaces, not tabs",
                problem(mistake(TWO_SPACES, "    party: US", "\tparty: US")));
    }
}
