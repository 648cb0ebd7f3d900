package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reported is not enacted, as a desk sees it in every output; and the warnings of validate and status at their
 * file:line, with today the clock's date whatever --as-of says.
 */
class ReportedAndWarningsTest {
    private static final String REPORT_SOURCE = "Reported only: US Treasury Secretary Bessent, 2026-09-23";

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void shippedFileWithTheReport() throws IOException {
        TestFiles.copyShipped(dir);
        assertTrue(Files.readString(dir.resolve("obligations.yaml")).contains(REPORT_SOURCE),
                "the shipped file records the report of 2026-09-23");
        cli = new CliRunner(dir).at("2026-12-07T14:00:00Z");
    }

    private void insertAfter(String anchor, String entries) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        String text = Files.readString(file);
        assertTrue(text.contains(anchor), "the shipped truce chain ends as this test expects");
        Files.writeString(file, text.replace(anchor, anchor + entries));
    }

    @Test
    void statusShowsTheReportBesideTheEnactedDeadlineNeverInsteadOfIt() {
        CliRunner.Result status = cli.run("status", "--no-color");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("Truce deadline passed 2026-11-10 00:01 EST (27 days ago): outcome not recorded"
                + " · reported: to 2027-01-10 (not enacted)"), status.out());
        String row = status.out().lines().filter(l -> l.startsWith("cn-rare-earth-licensing ")).findFirst().orElseThrow();
        assertTrue(row.contains("2026-11-10 00:01 EST  -27   unresolved · reported: to 2027-01-10"), row);
        assertTrue(status.out().contains("reported: an extension announced by an official with no instrument seen"),
                status.out());
    }

    @Test
    void jsonAndCsvCarryTheReportAsSuch() throws IOException {
        JsonNode json = new ObjectMapper().readTree(cli.run("status", "--format", "json").out());
        JsonNode truce = json.get("truce");
        assertEquals("2027-01-11T00:00-05:00", truce.get("reported_end").asString());
        assertEquals("2026-11-10T00:01-05:00", truce.get("ends").asString());
        JsonNode chain = truce.get("extension_chain");
        assertEquals(3, chain.size());
        assertFalse(chain.get(1).get("reported").asBoolean());
        assertTrue(chain.get(2).get("reported").asBoolean());
        assertEquals(2, truce.get("extensions").asInt(), "a report is no extension");
        JsonNode rare = null;
        for (JsonNode row : json.get("obligations")) {
            if (row.get("id").asString().equals("cn-rare-earth-licensing")) {
                rare = row;
            }
        }
        assertEquals("2027-01-11T00:00-05:00", rare.get("reported_due").asString());
        assertEquals("unresolved", rare.get("timeline").asString());
        String csv = cli.run("status", "--format", "csv").out();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",reported_due"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("cn-rare-earth-licensing,") && l.endsWith(",2027-01-11T00:00-05:00")),
                csv);
    }

    @Test
    void asOfBeforeTheReportKnowsNothingOfIt() {
        String before = cli.run("status", "--no-color", "--as-of", "2026-09-22").out();
        assertFalse(before.contains("reported"), before);
        assertTrue(cli.run("status", "--no-color", "--as-of", "2026-09-23").out().contains("reported: to 2027-01-10"));
    }

    @Test
    void showTheTruceAsAFirstClassObject() {
        CliRunner.Result byFlag = cli.run("show", "--truce", "--no-color");
        CliRunner.Result byId = cli.run("show", "us-cn-2025", "--no-color");
        assertEquals(0, byFlag.exitCode(), byFlag.toString());
        assertEquals(byFlag.out(), byId.out());
        assertTrue(byFlag.out().contains("reported   to 2027-01-10: announced, no instrument seen; the enacted end "
                + "2026-11-10 00:01 EST stands"), byFlag.out());
        assertTrue(byFlag.out().contains("2027-01-10  reported (not enacted: moves nothing) on 2026-09-23 by Reported "
                + "only: US Treasury Secretary Bessent"), byFlag.out());
        assertTrue(byFlag.out().contains("Follow it (due: truce-end), 4 obligations:"), byFlag.out());
        assertTrue(byFlag.out().contains("cn-rare-earth-licensing"), byFlag.out());
        assertEquals(2, cli.run("show", "--truce", "cn-uel-suspension").exitCode());
    }

    @Test
    void validateWarnsAtFileLineAndNamesTheDeadlineInForce() throws IOException {
        insertAfter("the measures covered are not stated. Seen in news digests and tariff trackers kept in public code "
                + "repositories, not in news pages.\"\n", """
                - decided: 2027-11-04
                  until: 2027-11-10
                  source: "EO 14400"
            """);
        CliRunner.Result validate = cli.run("validate");
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.out().endsWith("truce ends 2026-11-10 00:01 EST\n"), validate.out());
        assertTrue(validate.err().contains("obligations.yaml:109:16: truce.extensions[3].decided: decided 2027-11-04 "
                + "is after today (2026-12-07)"), validate.err());
        assertTrue(validate.err().contains("obligations.yaml:110:14: truce.extensions[3].until: until 2027-11-10 is a "
                + "bare date"), validate.err());
        CliRunner.Result past = cli.run("status", "--as-of", "2025-06-01");
        assertTrue(past.err().contains("decided 2027-11-04 is after today (2026-12-07)"),
                "today is the clock's, not --as-of's: " + past.err());
    }

    @Test
    void theCalendarCarriesTheReportAsATentativeEventBesideTheEnactedOne() {
        CliRunner.Result calendar = cli.run("calendar");
        assertEquals(0, calendar.exitCode(), calendar.toString());
        java.util.Map<String, biweekly.component.VEvent> events = new java.util.HashMap<>();
        for (biweekly.component.VEvent event : biweekly.Biweekly.parse(calendar.out()).first().getEvents()) {
            events.put(event.getUid().getValue(), event);
        }
        biweekly.component.VEvent truceReport = events.get("reported.truce-end@us-cn-2025.truce");
        assertEquals("TENTATIVE", truceReport.getStatus().getValue());
        assertTrue(truceReport.getAlarms().isEmpty(), "the enacted deadline keeps the alarms");
        assertTrue(truceReport.getDescription().getValue().contains("the deadline in force is 2026-11-10 00:01 EST"));
        biweekly.component.VEvent enacted = events.get("truce-end@us-cn-2025.truce");
        assertEquals(null, enacted.getStatus());
        assertEquals(java.time.Instant.parse("2026-11-10T05:01:00Z"), enacted.getDateStart().getValue().toInstant());
        assertEquals("TENTATIVE", events.get("reported.cn-rare-earth-licensing@us-cn-2025.truce").getStatus().getValue());
        assertEquals(null, events.get("reported.cn-port-fees-suspension@us-cn-2025.truce"), "its own clock: no report");
    }

    @Test
    void theDigestNamesTheEnactedDeadlineAndTheReportAndDoesNotGoQuiet() {
        String digest = cli.run("alert", "--dry-run").out();
        assertTrue(digest.contains("cn-rare-earth-licensing: Issue export licences"), digest);
        assertTrue(digest.contains("   Due:             2026-11-10 00:01 EST · reported: to 2027-01-10 (announced, not "
                + "enacted: the deadline above stands)"), digest);
        assertTrue(digest.contains("deadline passed at 2026-11-10 00:01 EST, outcome not recorded"), digest);
        String news = new CliRunner(dir).at("2026-09-24T14:00:00Z").run("alert", "--dry-run").out();
        assertTrue(news.contains("- reported, not enacted: " + REPORT_SOURCE), news);
        assertTrue(news.contains("on 2026-09-23 said it runs to 2027-01-10; no instrument seen, so the deadline stays "
                + "2026-11-10 00:01 EST and its alerts go on"), news);
    }

    @Test
    void anEvidenceEntryDatedAfterTodayIsWarnedAtItsLineAsEvidenceAddWouldRefuseIt() throws IOException {
        Path evidence = dir.resolve("evidence.yaml");
        long lines = Files.readAllLines(evidence).size();
        Files.writeString(evidence, Files.readString(evidence) + """

                - obligation: cn-general-licences
                  date: 2027-12-01
                  stance: complies
                  claimant: desk
                  basis: report
                  source: a typo for 2026-12-01
                """);
        CliRunner.Result validate = cli.run("validate");
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.err().contains("evidence.yaml:" + (lines + 3) + ":9: [60].date: 2027-12-01 is after today "
                + "(2026-12-07): an entry records what has happened (truce evidence add refuses a future date); a typo?"),
                validate.err());
        assertTrue(cli.run("status").err().contains("[60].date: 2027-12-01 is after today"));
        CliRunner.Result add = cli.run("evidence", "add", "cn-general-licences", "--stance", "complies", "--claimant",
                "desk", "--basis", "report", "--source", "the same typo", "--date", "2027-12-01", "--by", "ana");
        assertEquals(2, add.exitCode(), "add and validate agree: " + add);
    }
}
