package dev.truce.yaml;

import dev.truce.config.TruceFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Basis;
import dev.truce.domain.Evidence;
import dev.truce.domain.Stance;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evidence.yaml read from inline text: the entries, or every problem with its line and column. */
class EvidenceFileReaderTest {
    static final List<String> IDS = List.of("cn-rare-earth-licensing", "us-reciprocal-suspension", "cn-uel-suspension");

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("evidence.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<Evidence> read(String text) throws IOException {
        return new EntryFileReader().readAll(write(text), new EvidenceBinding("evidence.yaml", IDS, "obligations.yaml"));
    }

    private List<String> problems(String text) throws IOException {
        Path file = write(text);
        TruceException e = assertThrows(TruceException.class, () -> new EntryFileReader()
                .readAll(file, new EvidenceBinding("evidence.yaml", IDS, "obligations.yaml")));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        return e.lines();
    }

    @Test
    void readsEveryFieldOfAnEntry() throws IOException {
        List<Evidence> entries = read("""
                # comment
                - obligation: cn-rare-earth-licensing
                  date: 2025-06-05T10:00+08:00
                  recorded: 2025-06-06T14:03:09Z
                  stance: breaches
                  claimant: EU Chamber
                  basis: data
                  source: EU Chamber of Commerce in China
                  url: https://www.europeanchamber.com.cn/
                  note: >-
                    Thousands of applications
                    waiting.
                  recorded_by: "alice"

                - obligation: cn-uel-suspension
                  date: 2025-05-14
                  stance: complies
                  claimant: CN
                  basis: act
                  source: MOFCOM
                """);
        assertEquals(2, entries.size());
        Evidence first = entries.get(0);
        assertEquals("cn-rare-earth-licensing", first.obligation());
        assertEquals("2025-06-05T10:00+08:00", first.date().iso());
        assertEquals(Instant.parse("2025-06-06T14:03:09Z"), first.recorded());
        assertEquals(Stance.BREACHES, first.stance());
        assertEquals("EU Chamber", first.claimant());
        assertEquals(Basis.DATA, first.basis());
        assertEquals("https://www.europeanchamber.com.cn/", first.url());
        assertEquals("Thousands of applications waiting.", first.note());
        assertEquals("alice", first.recordedBy());
        Evidence second = entries.get(1);
        assertEquals("2025-05-14", second.date().iso());
        assertNull(second.url());
        assertNull(second.note());
        assertNull(second.recorded());
    }

    @Test
    void aMissingFileHasNoEvidence() {
        assertEquals(0, new EntryFileReader().readAll(dir.resolve("evidence.yaml"),
                new EvidenceBinding("evidence.yaml", IDS, "obligations.yaml")).size());
    }

    @Test
    void aFileOfCommentsOnlyHasNoEvidence() throws IOException {
        assertEquals(0, read("# nothing yet\n\n").size());
        assertEquals(0, read("").size());
    }

    @Test
    void theShippedFileReadsAgainstTheShippedObligations() {
        TruceFile obligations = new ObligationsFileReader().read(Path.of("obligations.yaml"), "obligations.yaml");
        List<Evidence> entries = new EntryFileReader().readAll(Path.of("evidence.yaml"),
                new EvidenceBinding("evidence.yaml", obligations.register(), "obligations.yaml"));
        assertEquals(60, entries.size());
    }

    @Test
    void reportsEveryProblemAtOnceWithLineAndColumn() throws IOException {
        List<String> lines = problems("""
                - obligation: cn-rare-earth-licencing
                  date: 2025-13-01
                  stance: complys
                  claimant: CN
                  basis: rumour
                  source: MOFCOM
                  url: www.example.com
                  notes: typo
                - obligation: us-reciprocal-suspension
                  date: 2025-06-01
                  stance: complies
                  basis: act
                """);
        assertEquals(List.of(
                "evidence.yaml:1:15: [0].obligation: 'cn-rare-earth-licencing' is not an obligation in obligations.yaml; "
                        + "did you mean 'cn-rare-earth-licensing'?",
                "evidence.yaml:2:9: [0].date: '2025-13-01' is not a real date (expected YYYY-MM-DD)",
                "evidence.yaml:3:11: [0].stance: 'complys' is not a stance (expected one of complies, breaches, partial, "
                        + "unclear); did you mean 'complies'?",
                "evidence.yaml:5:10: [0].basis: 'rumour' is not a basis (expected one of act, data, statement, report)",
                "evidence.yaml:7:8: [0].url: 'www.example.com' is not a web address "
                        + "(expected a web address starting with http:// or https://)",
                "evidence.yaml:8:3: [0]: 'notes' is not a key here (expected one of obligation, date, stance, claimant, "
                        + "basis, source, url, note, recorded, recorded_by, amount); did you mean 'note'?",
                "evidence.yaml:9:3: [1].claimant: missing (expected who asserts it: a party (US, CN) or a third party)",
                "evidence.yaml:9:3: [1].source: missing (expected the publisher or instrument)"), lines);
    }

    @Test
    void anEntryThatIsNotAMappingIsNamed() throws IOException {
        assertEquals(List.of("evidence.yaml:1:3: [0]: expected a mapping with obligation, date, stance, claimant, basis "
                + "and source, found text"), problems("- just text\n"));
    }

    @Test
    void aFileThatIsNotAListIsNamed() throws IOException {
        assertEquals(List.of("evidence.yaml:1:1: expected a list of entries ('- obligation: ...'), found a mapping"),
                problems("obligation: cn-uel-suspension\ndate: 2025-05-14\n"));
    }

    @Test
    void recordedMustBeAnInstant() throws IOException {
        assertEquals(List.of("evidence.yaml:3:13: [0].recorded: '2025-06-06' is a date, not an instant (expected a "
                + "date-time such as 2025-06-05T14:03:09Z)"), problems("""
                - obligation: cn-uel-suspension
                  date: 2025-05-14
                  recorded: 2025-06-06
                  stance: complies
                  claimant: CN
                  basis: act
                  source: MOFCOM
                  recorded_by: "me"
                """));
    }

    @Test
    void anEntryCutOffAfterRecordedIsReportedAsCutOff() throws IOException {
        List<String> lines = problems("""
                - obligation: cn-uel-suspension
                  date: 2025-05-14
                  recorded: 2025-06-06T14:03:09Z
                  stance: complies
                  claimant: CN
                  basis: act
                  source: MOFCOM
                """);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("evidence.yaml:3:13: [0].recorded: has recorded but no recorded_by: "
                + "`truce evidence add` writes recorded_by last, so this entry was cut off while being written"), lines.get(0));
    }

    @Test
    void aSyntaxErrorAtAnUnfinishedEndGetsAHint() throws IOException {
        List<String> lines = problems("- obligation: cn-uel-suspension\n  note: \"unfinished");
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("evidence.yaml:2:"), lines.get(0));
        assertTrue(lines.get(0).contains("YAML syntax error"), lines.get(0));
        assertEquals("evidence.yaml: the file does not end with a line break: its last entry may have been cut off while "
                + "being written; check it, then complete or delete it", lines.get(1));
    }

    @Test
    void entriesBelowASecondDocumentAreNotSilentlyIgnored() throws IOException {
        assertEquals(List.of("evidence.yaml:7:1: a second YAML document ('---') is not allowed here"), problems("""
                - obligation: cn-uel-suspension
                  date: 2025-05-14
                  stance: complies
                  claimant: CN
                  basis: act
                  source: MOFCOM
                ---
                - obligation: cn-uel-suspension
                """));
    }

    @Test
    void namesAreOneLine() throws IOException {
        assertEquals(List.of("evidence.yaml:5:13: [0].claimant: must be one line (found a line break)"), problems("""
                - obligation: cn-uel-suspension
                  date: 2025-05-14
                  stance: complies
                  basis: act
                  claimant: "C\\nN"
                  source: MOFCOM
                """));
    }

    @Test
    void aMillionProblemsAreSummarisedNotAllPrinted() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            text.append("- obligation: gone\n  date: 2025-05-14\n  stance: complies\n  claimant: CN\n  basis: act\n  source: x\n");
        }
        List<String> lines = problems(text.toString());
        assertEquals(EntryFileReader.MAX_PROBLEMS_SHOWN + 1, lines.size());
        assertTrue(lines.get(0).startsWith("evidence.yaml:1:15: [0].obligation: 'gone' is not an obligation"), lines.get(0));
        assertEquals("evidence.yaml: and 150 more problems (fix these, then run truce validate again)", lines.get(100));
    }
}
