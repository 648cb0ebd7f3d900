package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truce evidence add|list`, and compliance in status, show and validate, end to end. */
class EvidenceCommandTest {
    static final String OBLIGATIONS = """
            version: 1
            truce:
              id: test-truce
              title: Test truce
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
            obligations:
              - id: cn-rare-earth-licensing
                title: Issue rare-earth export licences
                party: CN
                kind: export-control
              - id: us-reciprocal-suspension
                title: Suspend 24 points of the reciprocal duty
                party: US
                kind: paused-tariff
            """;

    static final String EVIDENCE = """
            # the desk's log
            - obligation: cn-rare-earth-licensing
              date: 2025-05-30
              stance: breaches
              claimant: US
              basis: statement
              source: USTR statement
              note: Slow-rolling licences.

            - obligation: cn-rare-earth-licensing
              date: 2025-06-05
              stance: breaches
              claimant: EU Chamber
              basis: data
              source: EU Chamber of Commerce in China
              url: https://example.com/chamber
            """;

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), OBLIGATIONS);
        Files.writeString(dir.resolve("evidence.yaml"), EVIDENCE);
        cli = new CliRunner(dir).at("2025-07-01T16:00:00Z").env(Map.of("USER", "alice"));
    }

    /** JSON compared line by line without its indentation. */
    private static String squash(String text) {
        return String.join("\n", text.lines().map(String::strip).toList());
    }

    private Path evidence() {
        return dir.resolve("evidence.yaml");
    }

    @Test
    void addAppendsTheEntryAndStatusCountsIt() throws IOException {
        CliRunner.Result added = cli.run("evidence", "add", "us-reciprocal-suspension", "--stance", "complies",
                "--claimant", "US", "--basis", "act", "--source", "EO 14298", "--date", "2025-05-14",
                "--url", "https://www.federalregister.gov/eo-14298", "--note", "Suspended: 24 points, \"keep 10%\"");
        assertEquals(0, added.exitCode(), added.toString());
        assertEquals("""
                Recorded in evidence.yaml:
                - obligation: us-reciprocal-suspension
                  date: 2025-05-14
                  recorded: 2025-07-01T16:00:00Z
                  stance: complies
                  claimant: US
                  basis: act
                  source: EO 14298
                  url: https://www.federalregister.gov/eo-14298
                  note: "Suspended: 24 points, \\"keep 10%\\""
                  recorded_by: "alice"
                """, added.out());
        assertTrue(Files.readString(evidence()).startsWith(EVIDENCE + "\n- obligation: us-reciprocal-suspension\n"));

        CliRunner.Result status = cli.run("status", "--format", "json");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(squash(status.out()).contains(squash("""
                    "compliance" : "complying",
                    "stale" : true,
                    "evidence_count" : 1,
                    "last_evidence" : {
                      "date" : "2025-05-14",
                      "stance" : "complies",
                      "claimant" : "US",
                      "basis" : "act",
                      "source" : "EO 14298"
                    }""")), status.out());
        assertTrue(squash(status.out()).contains(squash("""
                    "compliance" : "breached",
                    "stale" : false,
                    "evidence_count" : 2,""")), status.out());
    }

    @Test
    void statusTableShowsComplianceWithAStaleMarkAndLegend() {
        CliRunner.Result status = cli.at("2025-07-10T16:00:00Z").run("status");
        assertEquals(0, status.exitCode(), status.toString());
        List<String> lines = status.out().lines().toList();
        assertTrue(lines.get(4).startsWith("ID ") && lines.get(4).endsWith("TIMELINE  COMPLIANCE"), lines.get(4));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cn-rare-earth-licensing") && l.endsWith("breached*")), status.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("us-reciprocal-suspension") && l.endsWith("no-evidence")), status.out());
        assertEquals("* stale: the newest evidence is more than 30 days old (stale_after_days)", lines.get(lines.size() - 1));
    }

    @Test
    void noLegendWhenNothingIsStale() {
        CliRunner.Result status = cli.run("status");
        assertFalse(status.out().contains("stale"), status.out());
        assertTrue(status.out().contains("breached\n"), status.out());
    }

    @Test
    void staleAfterDaysComesFromObligationsYaml() throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), OBLIGATIONS.replace("obligations:\n", "stale_after_days: 10\nobligations:\n"));
        CliRunner.Result status = cli.run("status");
        assertTrue(status.out().contains("breached*"), status.out());
        assertTrue(status.out().contains("* stale: the newest evidence is more than 10 days old"), status.out());
    }

    @Test
    void asOfReplaysTheEvidenceKnownThen() {
        assertTrue(cli.run("status", "--as-of", "2025-05-29").out().contains("no-evidence\n"));
        CliRunner.Result may30 = cli.run("status", "--as-of", "2025-05-30", "--format", "csv");
        assertTrue(may30.out().contains("cn-rare-earth-licensing,CN,export-control,2025-08-12T00:01-04:00,2025-08-12,74,"
                + "active,breach-alleged,false,1,2025-05-30,,,Issue rare-earth export licences,,,,\r\n"), may30.out());
        assertTrue(cli.run("status", "--as-of", "2025-06-05").out().contains("breached"));
    }

    @Test
    void complianceFilterKeepsOnlyThatState() {
        CliRunner.Result breached = cli.run("status", "--compliance", "breached");
        assertEquals(0, breached.exitCode(), breached.toString());
        assertTrue(breached.out().contains("cn-rare-earth-licensing"), breached.out());
        assertFalse(breached.out().contains("us-reciprocal-suspension"), breached.out());
        assertTrue(breached.out().contains("1 of 2 obligations"), breached.out());

        CliRunner.Result typo = cli.run("status", "--compliance", "breeched");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("'breeched' is not a compliance state (expected one of no-evidence, complying, "
                + "breach-alleged, breached, disputed, at-risk, unknown); did you mean 'breached'?"), typo.err());
    }

    @Test
    void markdownHasAComplianceColumn() {
        CliRunner.Result md = cli.run("status", "--format", "markdown");
        assertTrue(md.out().contains("| id | party | kind | due | days left | timeline | compliance | title |"), md.out());
        assertTrue(md.out().contains("| active | breached | Issue rare-earth export licences |"), md.out());
    }

    @Test
    void anUnknownIdIsRefusedWithASuggestionAndNothingIsWritten() throws IOException {
        byte[] before = Files.readAllBytes(evidence());
        CliRunner.Result result = cli.run("evidence", "add", "cn-rare-earth-licencing", "--stance", "breaches",
                "--claimant", "US", "--basis", "statement", "--source", "USTR");
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("truce evidence add: no obligation 'cn-rare-earth-licencing' in obligations.yaml; did you mean 'cn-rare-earth-licensing'? "
                + "(truce status lists them)\n", result.err());
        assertEquals("", result.out());
        assertArrayEquals(before, Files.readAllBytes(evidence()));
    }

    @Test
    void badFlagValuesAreRefusedNamingTheFlag() throws IOException {
        byte[] before = Files.readAllBytes(evidence());
        CliRunner.Result stance = cli.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complys",
                "--claimant", "CN", "--basis", "data", "--source", "MOFCOM");
        assertEquals(2, stance.exitCode());
        assertTrue(stance.err().startsWith("truce evidence add: Invalid value for option '--stance': 'complys' is not a "
                + "stance (expected one of complies, breaches, partial, unclear); did you mean 'complies'?"), stance.err());
        CliRunner.Result url = cli.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complies",
                "--claimant", "CN", "--basis", "data", "--source", "MOFCOM", "--url", "mofcom.gov.cn");
        assertEquals(2, url.exitCode());
        assertTrue(url.err().contains("'--url': 'mofcom.gov.cn' is not a web address"), url.err());
        CliRunner.Result claimant = cli.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complies",
                "--claimant", "C\nN", "--basis", "data", "--source", "MOFCOM");
        assertEquals(2, claimant.exitCode());
        assertTrue(claimant.err().contains("'--claimant': must be one line"), claimant.err());
        CliRunner.Result missing = cli.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complies");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("Missing required options: '--claimant=WHO', '--basis=BASIS', '--source=TEXT'"),
                missing.err());
        assertArrayEquals(before, Files.readAllBytes(evidence()));
    }

    @Test
    void theDateDefaultsToTodayInTheTruceZone() throws IOException {
        // 03:00 UTC on 3 December is still 2 December in New York.
        CliRunner.Result result = cli.at("2025-12-03T03:00:00Z").run("evidence", "add", "cn-rare-earth-licensing",
                "--stance", "partial", "--claimant", "desk", "--basis", "report", "--source", "Reuters", "--by", "bob");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("  date: 2025-12-02\n  recorded: 2025-12-03T03:00:00Z\n"), result.out());
        assertTrue(result.out().contains("  recorded_by: \"bob\"\n"), result.out());
        assertEquals("truce evidence add: no --date given: dated today, 2025-12-02 (give --date for the day it happened)\n",
                result.err(), "a default date is said, never taken silently");
    }

    @Test
    void aFutureDateIsRefused() {
        CliRunner.Result result = cli.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complies",
                "--claimant", "CN", "--basis", "data", "--source", "MOFCOM", "--date", "2025-07-02");
        assertEquals(2, result.exitCode());
        assertEquals("truce evidence add: --date: 2025-07-02 is in the future (it is now 2025-07-01T12:00 in America/New_York); evidence records "
                + "what has happened\n", result.err());
    }

    @Test
    void withoutByTheLoginNameRecordsItAndTheIdIsCheckedFirst() throws IOException {
        CliRunner.Result result = cli.env(Map.of("LOGNAME", "ana", "USER", "other")).run("evidence", "add",
                "cn-rare-earth-licensing", "--stance", "complies", "--claimant", "CN", "--basis", "data",
                "--source", "MOFCOM", "--date", "2025-06-30");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.readString(evidence()).endsWith("  recorded_by: \"ana\"\n"), Files.readString(evidence()));
        CliRunner.Result unknown = cli.env(Map.of()).run("evidence", "add", "cn-rare-earth-licencing", "--stance",
                "complies", "--claimant", "CN", "--basis", "data", "--source", "MOFCOM");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("truce evidence add: no obligation 'cn-rare-earth-licencing' in obligations.yaml; did you mean "
                + "'cn-rare-earth-licensing'?"), unknown.err());
    }

    @Test
    void theSameClaimTwiceIsRefusedUnlessForced() throws IOException {
        // the same obligation, day, claimant and source as the first entry (any case): a second stance is still a duplicate
        String[] add = {"evidence", "add", "cn-rare-earth-licensing", "--stance", "complies", "--claimant", "us",
            "--basis", "statement", "--source", "ustr statement", "--date", "2025-05-30", "--by", "ana"};
        CliRunner.Result again = cli.run(add);
        assertEquals(2, again.exitCode(), again.toString());
        assertEquals("truce evidence add: evidence.yaml already has this claim: cn-rare-earth-licensing, 2025-05-30, US, USTR statement; "
                + "nothing was written (add --force to record it again)\n", again.err());
        byte[] before = Files.readAllBytes(evidence());
        assertEquals(0, cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(add), java.util.stream.Stream.of("--force"))
                .toArray(String[]::new)).exitCode());
        assertTrue(Files.readAllBytes(evidence()).length > before.length);
    }

    @Test
    void aMissingEvidenceFileIsCreatedOnFirstAdd() throws IOException {
        Files.delete(evidence());
        assertTrue(cli.run("status").out().contains("no-evidence"));
        CliRunner.Result result = cli.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complies",
                "--claimant", "CN", "--basis", "data", "--source", "MOFCOM", "--date", "2025-06-30");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("Created evidence.yaml and recorded:\n"), result.out());
        assertTrue(Files.readString(evidence()).startsWith("# evidence.yaml: "));
        assertEquals("OK: 2 obligations, 1 evidence entry (evidence.yaml), truce ends 2025-08-12 00:01 EDT\n",
                cli.run("validate").out());
    }

    @Test
    void listShowsEntriesNewestFirstAndFilters() {
        CliRunner.Result all = cli.run("evidence", "list");
        assertEquals(0, all.exitCode(), all.toString());
        assertEquals("""
                Evidence in evidence.yaml · as of 2025-07-01 12:00 EDT · 2 entries, newest first

                DATE        OBLIGATION               STANCE    CLAIMANT    BASIS      SOURCE
                2025-06-05  cn-rare-earth-licensing  breaches  EU Chamber  data       EU Chamber of Commerce in China
                2025-05-30  cn-rare-earth-licensing  breaches  US          statement  USTR statement
                """, all.out());
        CliRunner.Result since = cli.run("evidence", "list", "cn-rare-earth-licensing", "--since", "2025-06-01", "--format", "csv");
        assertEquals("""
                obligation,date,stance,claimant,basis,source,url,note,recorded,recorded_by,amount\r
                cn-rare-earth-licensing,2025-06-05,breaches,EU Chamber,data,EU Chamber of Commerce in China,https://example.com/chamber,,,,\r
                """, since.out());
        assertTrue(cli.run("evidence", "list", "--stance", "complies").out().contains("No evidence matches."));
        assertTrue(cli.run("evidence", "list", "--as-of", "2025-06-01").out().contains("1 of 2 entries"));
        assertTrue(cli.run("evidence", "list", "us-reciprocal-suspension").out().contains("0 of 2 entries"));
    }

    @Test
    void listAsJson() {
        CliRunner.Result json = cli.run("evidence", "list", "--format", "json", "--since", "2025-06-01");
        assertTrue(squash(json.out()).contains(squash("""
                  "entries" : [ {
                    "obligation" : "cn-rare-earth-licensing",
                    "date" : "2025-06-05",
                    "stance" : "breaches",
                    "claimant" : "EU Chamber",
                    "basis" : "data",
                    "source" : "EU Chamber of Commerce in China",
                    "url" : "https://example.com/chamber",
                    "note" : null,
                    "recorded" : null,
                    "recorded_by" : null,
                    "amount" : null
                  } ]""")), json.out());
    }

    @Test
    void listOfAnUnknownIdIsRefused() {
        CliRunner.Result result = cli.run("evidence", "list", "cn-rare-earth");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("truce evidence list: no obligation 'cn-rare-earth' in obligations.yaml; did you mean "
                + "'cn-rare-earth-licensing'?"), result.err());
    }

    @Test
    void showListsTheEvidenceAsATimeline() {
        CliRunner.Result show = cli.run("show", "cn-rare-earth-licensing", "--as-of", "2025-06-01");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("  compliance breach-alleged · 1 entry, newest 2025-05-30\n"), show.out());
        assertTrue(show.out().endsWith("""
                Evidence (oldest first):
                  2025-05-30  breaches  US (statement): USTR statement
                      note: Slow-rolling licences.
                  2025-06-05  breaches  EU Chamber (data): EU Chamber of Commerce in China  [after this view's as-of: not counted]
                      url:  https://example.com/chamber
                """), show.out());
        CliRunner.Result later = cli.at("2025-08-01T16:00:00Z").run("show", "cn-rare-earth-licensing");
        assertTrue(later.out().contains("  compliance breached · 2 entries, newest 2025-06-05 · stale: 57 days old (more than 30)\n"),
                later.out());
    }

    @Test
    void validateChecksTheEvidenceFileToo() throws IOException {
        assertEquals("OK: 2 obligations, 2 evidence entries (evidence.yaml), truce ends 2025-08-12 00:01 EDT\n",
                cli.run("validate").out());
        Files.writeString(evidence(), EVIDENCE.replace("stance: breaches\n  claimant: EU", "stance: breach\n  claimant: EU"));
        CliRunner.Result result = cli.run("validate");
        assertEquals(2, result.exitCode());
        assertEquals("truce validate: evidence.yaml:12:11: [1].stance: 'breach' is not a stance (expected one of complies, breaches, partial, "
                + "unclear); did you mean 'breaches'?\n", result.err());
    }

    @Test
    void aHandBrokenEntryIsWarnedAboutAndTheRestStillCounts() throws IOException {
        Files.writeString(evidence(), EVIDENCE + "- obligation: cn-rare-earth-licensing\n  date: 2025-06-31\n  stance: complies\n"
                + "  claimant: CN\n  basis: data\n  source: MOFCOM\n  colour: red\n");
        CliRunner.Result result = cli.run("status");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("""
                truce: warning: evidence.yaml:18:9: [2].date: '2025-06-31' is not a real date (expected YYYY-MM-DD)
                truce: warning: evidence.yaml:23:3: [2]: 'colour' is not a key here (expected one of obligation, date, stance, claimant, basis, source, url, note, recorded, recorded_by, amount)
                truce: warning: evidence.yaml: 2 problems; compliance unknown for cn-rare-earth-licensing (truce validate lists the problems)
                """, result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("cn-rare-earth-licensing") && l.endsWith(" unknown")),
                result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("us-reciprocal-suspension") && l.endsWith(" no-evidence")),
                result.out());
        CliRunner.Result validate = cli.run("validate");
        assertEquals(2, validate.exitCode(), validate.toString());
        assertEquals("", validate.out());
    }

    @Test
    void theEvidenceFileIsNamedAsTheUserNamedTheObligationsFile() throws IOException {
        Path desk = Files.createDirectories(dir.resolve("desk"));
        Files.writeString(desk.resolve("obligations.yaml"), OBLIGATIONS.replace("obligations:\n",
                "evidence_file: logs/evidence.yaml\nobligations:\n"));
        Files.createDirectories(desk.resolve("logs"));
        Files.writeString(desk.resolve("logs/evidence.yaml"), "- obligation: nope\n");
        CliRunner.Result result = cli.run("-f", "desk/obligations.yaml", "validate");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("desk/logs/evidence.yaml:1:15: [0].obligation: 'nope' is not an obligation in "
                + "desk/obligations.yaml\n"), result.err());
    }
}
