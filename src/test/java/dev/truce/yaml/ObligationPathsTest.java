package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths through an obligation name its id beside its index, wherever the problem was found; other paths as they were. */
class ObligationPathsTest {
    private static final String TRUCE = """
            version: 1
            truce:
              id: us-cn-2025
              title: Geneva
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
            obligations:
            """;

    @TempDir
    Path dir;

    private InvalidYaml invalid(String obligations) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, TRUCE + obligations, StandardCharsets.UTF_8);
        return assertThrows(InvalidYaml.class,
                () -> new ObligationsFileReader().read(file, "obligations.yaml"));
    }

    @Test
    void describesAPathThroughAnObligationWithItsId() {
        Map<Integer, String> ids = Map.of(9, "cn-uel-11-suspension");
        assertEquals("obligations[9] (cn-uel-11-suspension).extensions[1].until",
                ObligationPaths.describe("obligations[9].extensions[1].until", ids));
        assertEquals("obligations[9] (cn-uel-11-suspension)", ObligationPaths.describe("obligations[9]", ids));
        assertEquals("obligations[9] (cn-uel-11-suspension)[0]", ObligationPaths.describe("obligations[9][0]", ids));
        for (String unchanged : List.of("obligations[8].due", "obligations", "truce.extensions[0].until", "[9].date",
                "obligations[99999999999999999999].due", "obligations[9]x", "")) {
            assertEquals(unchanged, ObligationPaths.describe(unchanged, ids));
        }
    }

    @Test
    void onlyAnIdThatNamesOneObligationIsShown() {
        assertEquals(Map.of(0, "a", 3, "d"), ObligationPaths.idsByIndex(Arrays.asList("a", "b", null, "d", "b", "Bad_Id",
                "x".repeat(201))));
    }

    @Test
    void everyProblemThroughAnObligationNamesItsIdInTheTerminalAndInMail() throws IOException {
        InvalidYaml e = invalid("""
                  - id: cn-uel-11-suspension
                    title: One
                    party: CN
                    kind: measure
                    due: 2025-09-01
                    extensions:
                      - {decided: 2025-08-11, until: 2025-10-01, source: X}
                      - {decided: 2025-08-12, until: 2025-09-15, source: Y}
                  - id: two
                    title: Two
                    party: EU
                    kind: tarif
                    titel: x
                """);
        assertEquals(List.of(
                "obligations.yaml:17:38: obligations[0] (cn-uel-11-suspension).extensions[1].until: '2025-09-15' does not "
                        + "move the deadline later than 2025-10-01 (an extension must end after the deadline it extends)",
                "obligations.yaml:20:12: obligations[1] (two).party: 'EU' is not a party of this truce (expected one of US, "
                        + "CN, joint)",
                "obligations.yaml:21:11: obligations[1] (two).kind: 'tarif' is not a kind (expected one of paused-tariff, "
                        + "suspended-countermeasure, export-control, purchase, measure, other)",
                "obligations.yaml:22:5: obligations[1] (two): 'titel' is not a key here (expected one of id, title, party, "
                        + "kind, effective, due, extensions, owner, recipients, hts, sources, depends_on, note, outcome, "
                        + "target, covers, duty); did you mean 'title'?"), e.lines());
        assertEquals("obligations.yaml:17:38: obligations[0] (cn-uel-11-suspension).extensions[1].until: this does not move "
                + "the deadline later than 2025-10-01 (an extension must end after the deadline it extends)", e.redacted().get(0));
    }

    @Test
    void withoutAReadableIdTheIndexAlone() throws IOException {
        assertEquals(List.of(
                "obligations.yaml:10:5: obligations[0].id: missing (expected lowercase letters, digits and single dashes, "
                        + "e.g. us-reciprocal-suspension)",
                "obligations.yaml:12:12: obligations[0].party: 'EU' is not a party of this truce (expected one of US, CN, "
                        + "joint)",
                "obligations.yaml:13:9: obligations[1].id: 'Bad_Id' is not valid (expected lowercase letters, digits and "
                        + "single dashes, e.g. us-reciprocal-suspension)",
                "obligations.yaml:15:12: obligations[1].party: 'EU' is not a party of this truce (expected one of US, CN, "
                        + "joint)"), invalid("""
                  - title: No id
                    kind: other
                    party: EU
                  - id: Bad_Id
                    title: Bad id
                    party: EU
                    kind: other
                """).lines());
    }

    @Test
    void aDuplicatedIdNamesNeitherObligation() throws IOException {
        assertEquals(List.of(
                "obligations.yaml:13:11: obligations[0].kind: 'tarif' is not a kind (expected one of paused-tariff, "
                        + "suspended-countermeasure, export-control, purchase, measure, other)",
                "obligations.yaml:14:9: obligations[1].id: 'same' is a duplicate id (first at line 10)",
                "obligations.yaml:16:12: obligations[1].party: 'EU' is not a party of this truce (expected one of US, CN, "
                        + "joint)",
                "obligations.yaml:21:11: obligations[2] (other).kind: 'tarif' is not a kind (expected one of paused-tariff, "
                        + "suspended-countermeasure, export-control, purchase, measure, other)"), invalid("""
                  - id: same
                    title: First
                    party: US
                    kind: tarif
                  - id: same
                    title: Second
                    party: EU
                    kind: other
                  - id: other
                    title: Third
                    party: US
                    kind: tarif
                """).lines());
    }

    @Test
    void truceAndEvidencePathsAreAsTheyWere() throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, TRUCE.replace("America/New_York", "America/NewYork") + "  - id: a\n    title: A\n"
                + "    party: US\n    kind: other\n", StandardCharsets.UTF_8);
        assertEquals(List.of("obligations.yaml:7:13: truce.timezone: 'America/NewYork' is not a known time zone (expected "
                + "an IANA zone such as America/New_York); did you mean 'America/New_York'?"), assertThrows(
                        InvalidYaml.class, () -> new ObligationsFileReader().read(file,
                                "obligations.yaml")).lines());
        Path evidence = dir.resolve("evidence.yaml");
        Files.writeString(evidence, "- obligation: a\n  date: 2025-05-14\n  stance: complys\n  claimant: US\n  basis: act\n"
                + "  source: X\n", StandardCharsets.UTF_8);
        EntryFileReader.Read read = new EntryFileReader().read(evidence,
                new EvidenceBinding("evidence.yaml", List.of("a"), "obligations.yaml"), entry -> { });
        assertEquals(List.of("evidence.yaml:3:11: [0].stance: 'complys' is not a stance (expected one of complies, "
                + "breaches, partial, unclear); did you mean 'complies'?"), read.lines("evidence.yaml", true));
    }

    @Test
    void aDescribedPathIsNeverTakenForAPlace() {
        YamlNode root = new YamlTreeReader("obligations.yaml", Long.MAX_VALUE, new java.util.ArrayList<>())
                .read(TRUCE + "  - id: a\n    due: 2025-13-01\n");
        assertEquals(new Position(11, 10), Paths.position(root, "obligations[0].due"));
        assertThrows(IllegalArgumentException.class, () -> Paths.position(root, "obligations[0] (a).due"));
    }
}
