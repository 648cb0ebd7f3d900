package dev.truce.yaml;

import dev.truce.config.TruceFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.Due;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObligationsFileReaderTest {
    private static final String TRUCE = """
            version: 1
            truce:
              id: us-cn-2025
              title: Geneva
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
            """;

    @TempDir
    Path dir;

    private TruceFile read(String yaml) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return new ObligationsFileReader().read(file, "obligations.yaml");
    }

    private List<String> problems(String yaml) {
        TruceException e = assertThrows(TruceException.class, () -> read(yaml));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        return e.lines();
    }

    @Test
    void readsAMinimalFileWithDefaults() throws IOException {
        TruceFile file = read(TRUCE + """
                obligations:
                  - id: us-reciprocal-suspension
                    title: Keep 24 points suspended
                    party: US
                    kind: paused-tariff
                    hts: ["9903.01.63"]
                """);
        assertEquals(1, file.register().obligations().size());
        assertEquals(Due.TRUCE_END, file.register().obligations().get(0).due());
        assertEquals(List.of(30, 14, 7, 3, 1, 0), file.register().alerts().thresholds());
        assertEquals(dir.resolve("evidence.yaml"), file.evidenceFile());
        assertEquals(10, file.lines().get("us-reciprocal-suspension"));
    }

    @Test
    void reportsEveryProblemInLineOrderWithPathAndExpectation() {
        List<String> lines = problems(TRUCE + """
                obligations:
                  - id: Bad_Id
                    title: One
                    party: EU
                    kind: tarif
                    due: 2025-13-01
                  - id: two
                    titel: Two
                    party: CN
                    kind: other
                    effective: 2025-06-01
                    due: 2025-05-20
                """);
        assertEquals(List.of(
                "obligations.yaml:10:9: obligations[0].id: 'Bad_Id' is not valid (expected lowercase letters, digits and single dashes, e.g. us-reciprocal-suspension)",
                "obligations.yaml:12:12: obligations[0].party: 'EU' is not a party of this truce (expected one of US, CN, joint)",
                "obligations.yaml:13:11: obligations[0].kind: 'tarif' is not a kind (expected one of paused-tariff, suspended-countermeasure, export-control, purchase, measure, other)",
                "obligations.yaml:14:10: obligations[0].due: '2025-13-01' is not a real date (expected YYYY-MM-DD)",
                "obligations.yaml:15:5: obligations[1] (two).title: missing (expected what must be done, in one line)",
                "obligations.yaml:16:5: obligations[1] (two): 'titel' is not a key here (expected one of id, title, party, kind, effective, due, extensions, owner, recipients, hts, sources, depends_on, note, outcome, target, covers, duty); did you mean 'title'?"),
                lines);
    }

    @Test
    void aDueBeforeEffectiveIsAnError() {
        List<String> lines = problems(TRUCE + """
                obligations:
                  - id: two
                    title: Two
                    party: CN
                    kind: other
                    effective: 2025-06-01
                    due: 2025-05-20
                """);
        assertEquals(List.of("obligations.yaml:15:10: obligations[0] (two).due: due 2025-05-20 is not after effective 2025-06-01 "
                + "(an obligation must take effect before it lapses)"), lines);
    }

    @Test
    void anExtensionMustMoveTheDeadlineLater() {
        List<String> lines = problems(TRUCE + """
                  extensions:
                    - decided: 2025-08-11
                      until: 2025-08-01
                      source: EO 14334
                obligations: []
                """);
        assertEquals(List.of("obligations.yaml:11:14: truce.extensions[0].until: '2025-08-01' does not move the deadline "
                + "later than 2025-08-12 00:01 EDT (an extension must end after the deadline it extends)"), lines);
    }

    @Test
    void unknownTimeZoneSuggestsTheClosest() {
        List<String> lines = problems(TRUCE.replace("America/New_York", "America/NewYork") + "obligations: []\n");
        assertEquals(List.of("obligations.yaml:7:13: truce.timezone: 'America/NewYork' is not a known time zone "
                + "(expected an IANA zone such as America/New_York); did you mean 'America/New_York'?"), lines);
    }

    @Test
    void duplicateIdsPointAtTheFirst() {
        String one = """
                  - id: same
                    title: T
                    party: US
                    kind: other
                """;
        List<String> lines = problems(TRUCE + "obligations:\n" + one + one);
        assertEquals(List.of("obligations.yaml:14:9: obligations[1].id: 'same' is a duplicate id (first at line 10)"), lines);
    }

    @Test
    void wrongTypesSayWhatWasFound() {
        List<String> lines = problems(TRUCE.replace("days: 90", "days: ninety") + "obligations: {}\n");
        assertEquals(List.of(
                "obligations.yaml:8:9: truce.days: 'ninety' is not a whole number (expected the number of days the truce runs, at least 1)",
                "obligations.yaml:9:14: obligations: expected a list, found a mapping (expected a list of obligations)"),
                lines);
    }

    @Test
    void aDecimalHtsCodeMustBeQuoted() {
        List<String> lines = problems(TRUCE + """
                obligations:
                  - id: magnets
                    title: Magnets
                    party: CN
                    kind: export-control
                    hts: [8505.10]
                """);
        assertEquals(List.of("obligations.yaml:14:11: obligations[0] (magnets).hts[0]: '8505.10' must be quoted "
                + "(in double quotes): YAML reads it as a number and drops trailing zeros"), lines);
    }

    @Test
    void syntaxErrorsAndTabsAreOneLineWithPosition() {
        assertEquals(List.of("obligations.yaml:3:1: tab character; YAML indents with spaces, not tabs"),
                problems("version: 1\ntruce:\n\tid: x\n"));
        assertEquals(List.of("obligations.yaml:2:9: YAML syntax error: mapping values are not allowed here"),
                problems("version: 1\ntruce: a: b\n"));
    }

    @Test
    void emptyNotAMappingMissingAndUnknownVersion() throws IOException {
        assertEquals(List.of("obligations.yaml:1:1: the file is empty"), problems("# only a comment\n"));
        assertEquals(List.of("obligations.yaml:1:1: expected a mapping with version, truce and obligations, found a list"),
                problems("- a\n- b\n"));
        assertEquals(List.of("obligations.yaml:1:10: version: '2' is a format version this build of truce does not "
                + "know; it reads version 1 (upgrade truce)"), problems("version: 2\n"));
        assertEquals(List.of("obligations.yaml:1:1: version: missing (expected version: 1 at the top of the file)"),
                problems("truce: {}\n"));
        TruceException missing = assertThrows(TruceException.class,
                () -> new ObligationsFileReader().read(dir.resolve("nope.yaml"), "nope.yaml"));
        assertEquals(List.of("nope.yaml: no such file (name the obligations file with -f FILE or $TRUCE_FILE)"), missing.lines());
    }

    @Test
    void aPasswordInTheFileIsRefusedWithTheReason() {
        List<String> lines = problems(TRUCE + """
                alerts:
                  smtp:
                    host: smtp.example.com
                    password: hunter2
                obligations: []
                """);
        assertEquals(List.of("obligations.yaml:12:5: alerts.smtp.password: a password must not be written in obligations.yaml, "
                + "which is shared in git; set $TRUCE_SMTP_PASSWORD or point password_file at a file only the alert job can read"),
                lines);
    }

    @Test
    void unknownDependencyAndDuplicateKeys() {
        List<String> lines = problems(TRUCE + """
                obligations:
                  - id: split
                    title: Split
                    party: CN
                    kind: other
                    depends_on: [splt-parent]
                    note: a
                    note: b
                """);
        assertEquals(List.of(
                "obligations.yaml:14:18: obligations[0] (split).depends_on[0]: 'splt-parent' is not an obligation",
                "obligations.yaml:16:5: 'note' is a duplicate key (first at line 15)"), lines);
    }

    @Test
    void anObligationFollowingTheTruceCannotHaveItsOwnExtensions() {
        List<String> lines = problems(TRUCE + """
                obligations:
                  - id: follows
                    title: Follows
                    party: US
                    kind: other
                    extensions:
                      - {decided: 2025-08-11, until: 2025-12-01, source: X}
                """);
        assertEquals(List.of("obligations.yaml:15:7: obligations[0] (follows).extensions: only an obligation with its own due date "
                + "has its own extensions; due: truce-end follows the truce's extensions"), lines);
    }
}
