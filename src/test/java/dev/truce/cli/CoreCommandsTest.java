package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** status, show and validate end to end, on the shipped file and on broken copies of it. */
class CoreCommandsTest {
    private static final Path SHIPPED = Path.of("obligations.yaml");

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void copyShippedFile() throws IOException {
        Files.copy(SHIPPED, dir.resolve("obligations.yaml"));
        cli = new CliRunner(dir).at("2026-11-26T12:00:00Z");
    }

    private void edit(String from, String to) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "the shipped file should contain " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void statusOnTheShippedFileListsEveryObligationSoonestFirst() {
        CliRunner.Result r = cli.run("status");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().contains("Truce deadline passed 2026-11-10 00:01 EST (16 days ago): outcome not recorded · "
                + "reported: to 2027-01-10 (not enacted) · 2 extensions so far"), r::toString);
        assertTrue(r.out().contains("cn-ga-ge-sb-ban-suspension"), r::toString);
        List<String> rows = r.out().lines().dropWhile(l -> !l.startsWith("ID ")).skip(1).takeWhile(l -> !l.isEmpty()).toList();
        assertEquals(38, rows.size(), r::toString);
        assertTrue(rows.get(rows.size() - 1).contains(" none "), "open-ended obligations come last: " + r);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cn-ga-ge-sb-ban-suspension") && l.contains(" 1 ") && l.contains(" due-soon ")), r::toString);
    }

    @Test
    void statusJsonHasTheDocumentedShape() {
        CliRunner.Result r = cli.run("status", "--format", "json", "--within", "40");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("2026-11-26T12:00:00Z", json.get("as_of").asString());
        assertEquals("2026-11-10T00:01-05:00", json.get("truce").get("ends").asString());
        assertEquals(-16, json.get("truce").get("days_left").asInt());
        assertEquals(2, json.get("truce").get("extensions").asInt());
        JsonNode first = json.get("obligations").get(0);
        for (String field : List.of("id", "title", "party", "kind", "due", "due_date", "days_left", "timeline")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        JsonNode gallium = null;
        for (JsonNode o : json.get("obligations")) {
            assertTrue(o.get("days_left").asInt() <= 40, "--within keeps only due within 40 days: " + o);
            if (o.get("id").asString().equals("cn-ga-ge-sb-ban-suspension")) {
                gallium = o;
            }
        }
        assertEquals("2026-11-28T00:00-05:00", gallium.get("due").asString(), "through 11-27 = until midnight");
        assertEquals("2026-11-27", gallium.get("due_date").asString());
        assertEquals(1, gallium.get("days_left").asInt());
    }

    @Test
    void asOfReplaysTheDeadlineAsItWasKnown() {
        CliRunner.Result before = cli.run("status", "--as-of", "2025-08-10", "--party", "US", "--kind", "paused-tariff");
        assertEquals(0, before.exitCode(), before::toString);
        assertTrue(before.out().contains("Truce ends 2025-08-12 00:01 EDT (in 2 days) · no extensions so far"), before::toString);
        assertTrue(before.out().lines().anyMatch(l -> l.startsWith("us-reciprocal-suspension") && l.contains("2025-08-12 00:01 EDT")),
                before::toString);
        CliRunner.Result after = cli.run("status", "--as-of", "2025-08-11T09:00-04:00", "--party", "US");
        assertTrue(after.out().lines().anyMatch(l -> l.startsWith("us-reciprocal-suspension") && l.contains("2025-11-10 00:01 EST")),
                after::toString);
    }

    @Test
    void csvAndMarkdownAreMachineAndChatFriendly() {
        CliRunner.Result csv = cli.run("status", "--format", "csv", "--within", "1");
        assertEquals("id,party,kind,due,due_date,days_left,timeline,compliance,stale,evidence_count,last_evidence_date,owner,outcome,title,acked_by,acked_until,ack_reason,reported_due", csv.out().lines().findFirst().orElseThrow());
        assertTrue(csv.out().contains("\r\n"), "RFC 4180 line ends");
        CliRunner.Result md = cli.run("status", "--format", "markdown");
        assertTrue(md.out().contains("| id | party | kind | due | days left | timeline | compliance | title |"), md::toString);
        assertTrue(md.out().contains("|---|---|---|---|---|---|---|---|"), md::toString);
    }

    @Test
    void showPrintsEveryFieldTheChainAndLinks() {
        CliRunner.Result r = cli.run("show", "us-section301-exclusions");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Deadline chain:"), r::toString);
        assertTrue(r.out().contains("2025-05-31  original"), r::toString);
        assertTrue(r.out().contains("2025-08-31 23:59 EDT  extended"), r::toString);
        assertTrue(r.out().contains("9903.88.69"), r::toString);
        CliRunner.Result split = cli.run("show", "cn-export-control-list-12-terminated");
        assertTrue(split.out().contains("Depends on:"), split::toString);
    }

    @Test
    void anUnknownIdSuggestsTheClosest() {
        CliRunner.Result r = cli.run("show", "us-reciprocal-suspensoin");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("truce show: no obligation 'us-reciprocal-suspensoin'; did you mean 'us-reciprocal-suspension'? (truce status lists them)\n", r.err());
    }

    @Test
    void validateSaysOkWithTheCountAndEnd() {
        CliRunner.Result r = cli.run("validate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("OK: 38 obligations, no evidence yet (evidence.yaml does not exist; "), r::toString);
        assertTrue(r.out().contains("truce ends 2026-11-10 00:01 EST"), r::toString);
    }

    @Test
    void aBrokenCopyFailsWithEveryProblemAndNothingOnStdout() throws IOException {
        edit("kind: paused-tariff", "kind: paused-tarif");
        edit("timezone: America/New_York", "timezone: Mars/Olympus");
        for (String command : List.of("status", "validate", "show")) {
            CliRunner.Result r = command.equals("show") ? cli.run(command, "x") : cli.run(command);
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            List<String> lines = r.err().lines().toList();
            assertTrue(lines.get(0).matches("truce " + command + ": obligations\\.yaml:\\d+:\\d+: truce\\.timezone: 'Mars/Olympus' is not a known time zone.*"), r::toString);
            assertTrue(lines.get(1).matches("truce " + command + ": obligations\\.yaml:\\d+:\\d+: obligations\\[0\\] \\(us-reciprocal-suspension\\)\\.kind: 'paused-tarif' is not a kind .*did you mean 'paused-tariff'\\?"),
                    r::toString);
            assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + r);
        }
    }

    @Test
    void fileComesFromTheFlagThenTheEnvironment() throws IOException {
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(dir.resolve("obligations.yaml"), other.resolve("truce.yaml"));
        CliRunner.Result missing = cli.run("validate");
        assertEquals(2, missing.exitCode());
        assertEquals("truce validate: obligations.yaml: no such file (name the obligations file with -f FILE or $TRUCE_FILE)\n", missing.err());
        assertEquals(0, cli.run("-f", "elsewhere/truce.yaml", "validate").exitCode());
        assertEquals(0, cli.run("validate", "--file", "elsewhere/truce.yaml").exitCode());
        assertEquals(0, cli.env(Map.of("TRUCE_FILE", "elsewhere/truce.yaml")).run("validate").exitCode());
    }

    @Test
    void badFlagsAreBadInputWithAHint() {
        CliRunner.Result r = cli.run("status", "--within", "soon");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("truce status: Invalid value for option '--within': 'soon' is not an int"), r::toString);
        CliRunner.Result asOf = cli.run("status", "--as-of", "2025-02-30");
        assertEquals(2, asOf.exitCode(), asOf::toString);
        assertTrue(asOf.err().contains("'2025-02-30' is not a real date"), asOf::toString);
        CliRunner.Result typo = cli.run("statsu");
        assertEquals(2, typo.exitCode(), typo::toString);
        assertTrue(typo.err().contains("status"), typo::toString);
    }

    @Test
    void helpListsCommandsExamplesAndExitCodes() {
        CliRunner.Result r = cli.run("--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Exit codes:"), r::toString);
        assertTrue(r.out().contains("2  bad input"), r::toString);
        assertTrue(r.out().contains("truce status --within 30"), r::toString);
        assertTrue(cli.run("status", "--help").out().contains("Examples:"));
    }
}
