package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** `truce changes` end to end on a real git repository made with JGit, and outside git. */
class ChangesCommandTest {
    static final String OBLIGATIONS = """
            version: 1
            truce:
              id: t-1
              title: Test truce
              parties: [US, CN]
              effective: 2026-01-01T00:01-05:00
              timezone: America/New_York
              days: 300
            obligations:
              - id: us-tariff
                title: Suspend the tariff
                party: US
                kind: paused-tariff
                due: 2026-06-30
              - id: cn-licences
                title: Issue the licences
                party: CN
                kind: export-control
                due: 2026-07-15T00:01-04:00
              - id: open-thing
                title: Keep talking
                party: joint
                kind: other
                due: none
            """;
    static final String EVIDENCE = """
            - obligation: cn-licences
              date: 2026-05-20
              stance: breaches
              claimant: US
              basis: statement
              source: USTR statement
            """;

    @TempDir
    Path dir;

    GitRepo repo;
    String c0;
    String c1;
    String c2;
    String c3;
    String c4;
    String c5;
    CliRunner truce;

    @BeforeEach
    void history() {
        repo = GitRepo.init(dir);
        c0 = repo.write("obligations.yaml", OBLIGATIONS).write("evidence.yaml", EVIDENCE)
                .commit("The truce", "Alice", "2026-06-01T14:00:00Z");
        c1 = repo.edit("obligations.yaml", "due: 2026-06-30", "due: 2026-07-15")
                .commit("Correct the tariff's date", "Bob", "2026-06-10T14:00:00Z");
        c2 = repo.edit("obligations.yaml", "    due: 2026-07-15T00:01-04:00\n", """
                    due: 2026-07-15T00:01-04:00
                    extensions:
                      - decided: 2026-06-16
                        until: 2026-08-15T00:01-04:00
                        source: MOFCOM No. 9
                """).commit("Licences extended", "Alice", "2026-06-17T14:00:00Z");
        c3 = repo.edit("obligations.yaml", "    due: 2026-07-15\n", """
                    due: 2026-07-15
                    outcome:
                      result: permanent
                      decided: 2026-06-18
                      source: EO 5
                """).append("evidence.yaml", """
                - obligation: cn-licences
                  date: 2026-06-18
                  stance: complies
                  claimant: MOFCOM
                  basis: act
                  source: MOFCOM notice
                """).commit("Tariff made permanent; MOFCOM issues licences", "Carol", "2026-06-19T14:00:00Z");
        c4 = repo.edit("obligations.yaml", "title: Issue the licences", "title: Issue all the licences")
                .commit("Title", "Bob", "2026-06-21T14:00:00Z");
        c5 = repo.edit("obligations.yaml", """
                  - id: open-thing
                    title: Keep talking
                    party: joint
                    kind: other
                    due: none
                """, "").commit("Talks are over", "Alice", "2026-06-22T14:00:00Z");
        repo.append("evidence.yaml", """
                - obligation: cn-licences
                  date: 2026-06-23
                  stance: breaches
                  claimant: US
                  basis: report
                  source: Desk note
                """);
        truce = new CliRunner(dir).at("2026-06-23T16:00:00Z");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static String at(String id) {
        return id.substring(0, 7);
    }

    @Test
    void sinceADateAWeekAgoListsEachChangeWithItsCommitInEveryFormat() {
        CliRunner.Result table = truce.run("changes", "--since", "2026-06-16");
        assertEquals(0, table.exitCode(), table::toString);
        assertEquals("", table.err(), table::toString);
        assertEquals("""
                Changes since 2026-06-16 (commit %s, 2026-06-10 10:00 EDT) to the working tree

                WHEN                  BY     COMMIT   ID           CHANGE
                2026-06-17 10:00 EDT  Alice  %s  cn-licences  deadline extended from 2026-07-15 00:01 EDT to 2026-08-15 00:01 EDT by MOFCOM No. 9 (decided 2026-06-16)
                2026-06-19 10:00 EDT  Carol  %s  us-tariff    outcome recorded: permanent, decided 2026-06-18, per EO 5
                2026-06-19 10:00 EDT  Carol  %s  cn-licences  evidence added: 2026-06-18: MOFCOM says complies (act), MOFCOM notice
                2026-06-21 10:00 EDT  Bob    %s  cn-licences  title: Issue the licences → Issue all the licences
                2026-06-22 10:00 EDT  Alice  %s  open-thing   removed: Keep talking
                uncommitted           -      -        cn-licences  evidence added: 2026-06-23: US says breaches (report), Desk note
                """.formatted(at(c1), at(c2), at(c3), at(c3), at(c4), at(c5)), table.out(), table::toString);

        CliRunner.Result markdown = truce.run("changes", "--since", "2026-06-16", "--format", "markdown");
        assertEquals("""
                **Changes since 2026-06-16 (commit %s, 2026-06-10 10:00 EDT) to the working tree**

                | when | by | commit | id | change |
                |---|---|---|---|---|
                | 2026-06-17 10:00 EDT | Alice | %s | cn-licences | deadline extended from 2026-07-15 00:01 EDT to 2026-08-15 00:01 EDT by MOFCOM No. 9 (decided 2026-06-16) |
                | 2026-06-19 10:00 EDT | Carol | %s | us-tariff | outcome recorded: permanent, decided 2026-06-18, per EO 5 |
                | 2026-06-19 10:00 EDT | Carol | %s | cn-licences | evidence added: 2026-06-18: MOFCOM says complies (act), MOFCOM notice |
                | 2026-06-21 10:00 EDT | Bob | %s | cn-licences | title: Issue the licences → Issue all the licences |
                | 2026-06-22 10:00 EDT | Alice | %s | open-thing | removed: Keep talking |
                | uncommitted | - | - | cn-licences | evidence added: 2026-06-23: US says breaches (report), Desk note |
                """.formatted(at(c1), at(c2), at(c3), at(c3), at(c4), at(c5)), markdown.out(), markdown::toString);

        CliRunner.Result csv = truce.run("changes", "--since", "2026-06-16", "--format", "csv");
        assertEquals(String.join("\r\n", List.of(
                "when,author,commit,on,id,kind,before,after,source,decided,text",
                "2026-06-17T10:00-04:00,Alice," + c2 + ",obligation,cn-licences,extended,2026-07-15 00:01 EDT,"
                        + "2026-08-15 00:01 EDT,MOFCOM No. 9,2026-06-16,deadline extended from 2026-07-15 00:01 EDT to "
                        + "2026-08-15 00:01 EDT by MOFCOM No. 9 (decided 2026-06-16)",
                "2026-06-19T10:00-04:00,Carol," + c3 + ",obligation,us-tariff,outcome-recorded,,\"permanent, decided "
                        + "2026-06-18, per EO 5\",EO 5,,\"outcome recorded: permanent, decided 2026-06-18, per EO 5\"",
                "2026-06-19T10:00-04:00,Carol," + c3 + ",obligation,cn-licences,evidence-added,,\"2026-06-18: MOFCOM says "
                        + "complies (act), MOFCOM notice\",MOFCOM notice,,\"evidence added: 2026-06-18: MOFCOM says "
                        + "complies (act), MOFCOM notice\"",
                "2026-06-21T10:00-04:00,Bob," + c4 + ",obligation,cn-licences,title-edited,Issue the licences,"
                        + "Issue all the licences,,,title: Issue the licences → Issue all the licences",
                "2026-06-22T10:00-04:00,Alice," + c5 + ",obligation,open-thing,removed,Keep talking,,,,removed: Keep talking",
                ",,,obligation,cn-licences,evidence-added,,\"2026-06-23: US says breaches (report), Desk note\",Desk note,,"
                        + "\"evidence added: 2026-06-23: US says breaches (report), Desk note\"")) + "\r\n",
                csv.out(), csv::toString);

        CliRunner.Result json = truce.run("changes", "--since", "2026-06-16", "--format", "json");
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("date", root.get("since").get("kind").asString());
        assertEquals("2026-06-16", root.get("since").get("asked").asString());
        assertEquals("2026-06-16T00:00-04:00", root.get("since").get("at").asString());
        assertEquals(c1, root.get("since").get("commit").asString());
        assertEquals("2026-06-10T10:00-04:00", root.get("since").get("commit_time").asString());
        assertEquals("working-tree", root.get("to").asString());
        assertEquals("git", root.get("history").asString());
        List<String> rows = new ArrayList<>();
        for (JsonNode c : root.get("changes")) {
            rows.add(String.join("|", c.get("kind").asString(), c.get("on").asString(), c.get("id").asString(),
                    String.valueOf(c.get("before").asString(null)), String.valueOf(c.get("after").asString(null)),
                    String.valueOf(c.get("source").asString(null)), String.valueOf(c.get("decided").asString(null)),
                    String.valueOf(c.get("committed").asBoolean()), String.valueOf(c.get("commit").asString(null)),
                    String.valueOf(c.get("author").asString(null)), String.valueOf(c.get("when").asString(null))));
        }
        assertEquals(List.of(
                "extended|obligation|cn-licences|2026-07-15 00:01 EDT|2026-08-15 00:01 EDT|MOFCOM No. 9|2026-06-16|true|"
                        + c2 + "|Alice|2026-06-17T10:00-04:00",
                "outcome-recorded|obligation|us-tariff|null|permanent, decided 2026-06-18, per EO 5|EO 5|null|true|" + c3
                        + "|Carol|2026-06-19T10:00-04:00",
                "evidence-added|obligation|cn-licences|null|2026-06-18: MOFCOM says complies (act), MOFCOM notice|"
                        + "MOFCOM notice|null|true|" + c3 + "|Carol|2026-06-19T10:00-04:00",
                "title-edited|obligation|cn-licences|Issue the licences|Issue all the licences|null|null|true|" + c4
                        + "|Bob|2026-06-21T10:00-04:00",
                "removed|obligation|open-thing|Keep talking|null|null|null|true|" + c5 + "|Alice|2026-06-22T10:00-04:00",
                "evidence-added|obligation|cn-licences|null|2026-06-23: US says breaches (report), Desk note|Desk note|"
                        + "null|false|null|null|null"), rows);
        JsonNode added = root.get("changes").get(5).get("evidence");
        assertEquals("2026-06-23 breaches US report Desk note", String.join(" ", added.get("date").asString(),
                added.get("stance").asString(), added.get("claimant").asString(), added.get("basis").asString(),
                added.get("source").asString()));
    }

    @Test
    void sinceARevisionListsWhatCameAfterIt() {
        CliRunner.Result r = truce.run("changes", "--since", "HEAD~2");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                Changes since HEAD~2 (commit %s, 2026-06-19 10:00 EDT) to the working tree

                WHEN                  BY     COMMIT   ID           CHANGE
                2026-06-21 10:00 EDT  Bob    %s  cn-licences  title: Issue the licences → Issue all the licences
                2026-06-22 10:00 EDT  Alice  %s  open-thing   removed: Keep talking
                uncommitted           -      -        cn-licences  evidence added: 2026-06-23: US says breaches (report), Desk note
                """.formatted(at(c3), at(c4), at(c5)), r.out(), r::toString);
        CliRunner.Result csv = truce.run("changes", "--since", at(c4), "--format", "csv");
        assertEquals(List.of("when,author,commit,on,id,kind,before,after,source,decided,text",
                "2026-06-22T10:00-04:00,Alice," + c5 + ",obligation,open-thing,removed,Keep talking,,,,removed: Keep talking",
                ",,,obligation,cn-licences,evidence-added,,\"2026-06-23: US says breaches (report), Desk note\",Desk note,,"
                        + "\"evidence added: 2026-06-23: US says breaches (report), Desk note\""), csv.out().lines().toList(),
                "a short id");
        CliRunner.Result markdown = truce.run("changes", "--since", "HEAD~2", "--format", "markdown");
        assertEquals(List.of("**Changes since HEAD~2 (commit " + at(c3) + ", 2026-06-19 10:00 EDT) to the working tree**", "",
                "| when | by | commit | id | change |", "|---|---|---|---|---|",
                "| 2026-06-21 10:00 EDT | Bob | " + at(c4) + " | cn-licences | title: Issue the licences → Issue all the licences |",
                "| 2026-06-22 10:00 EDT | Alice | " + at(c5) + " | open-thing | removed: Keep talking |",
                "| uncommitted | - | - | cn-licences | evidence added: 2026-06-23: US says breaches (report), Desk note |"),
                markdown.out().lines().toList());
        JsonNode json = new ObjectMapper().readTree(truce.run("changes", "--since", "HEAD~2", "--format", "json").out());
        assertEquals("revision", json.get("since").get("kind").asString());
        assertEquals(c3, json.get("since").get("commit").asString());
        List<String> kinds = new ArrayList<>();
        json.get("changes").forEach(c -> kinds.add(c.get("kind").asString() + " " + c.get("id").asString()));
        assertEquals(List.of("title-edited cn-licences", "removed open-thing", "evidence-added cn-licences"), kinds);
    }

    @Test
    void aFileThatDidNotExistAtTheRevisionIsAllAdded() {
        CliRunner.Result r = truce.at("2026-06-01T15:00:00Z").run("changes", "--since", "2026-05-01", "--format", "csv");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("added truce t-1", "added obligation us-tariff", "added obligation cn-licences",
                "added obligation open-thing", "evidence-added obligation cn-licences"), lines.subList(1, 6).stream()
                .map(l -> l.split(",")[5] + " " + l.split(",")[3] + " " + l.split(",")[4]).toList(), r::toString);
        assertTrue(lines.get(1).startsWith("2026-06-01T10:00-04:00,Alice," + c0 + ","), r::toString);
        assertTrue(truce.run("changes", "--since", "2026-05-01").out()
                .startsWith("Changes since 2026-05-01 (before the first commit) to the working tree\n"));
    }

    @Test
    void nothingChangedSaysSoAndExitsZero() {
        CliRunner.Result r = truce.run("changes", "--since", "HEAD~0");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("uncommitted"), r::toString);
        repo.commit("Desk note", "Dan", "2026-06-23T13:00:00Z");
        CliRunner.Result none = truce.run("changes", "--since", "HEAD");
        assertEquals(0, none.exitCode(), none::toString);
        assertEquals("No changes since HEAD (commit " + at(headAfter()) + ", 2026-06-23 09:00 EDT) to the working tree.\n",
                none.out(), none::toString);
        assertEquals("", none.err());
    }

    private String headAfter() {
        return repo.head();
    }

    @Test
    void aBadRevisionOrDateIsOneLineAndExitTwo() {
        CliRunner.Result rev = truce.run("changes", "--since", "HEAD~99");
        assertEquals(2, rev.exitCode(), rev::toString);
        assertEquals("", rev.out());
        assertEquals("truce changes: --since: 'HEAD~99' is not a revision of this repository nor a date (YYYY-MM-DD, or a date-time "
                + "with offset)\n", rev.err(), rev::toString);
        CliRunner.Result name = truce.run("changes", "--since", "no-such-tag");
        assertEquals(2, name.exitCode(), name::toString);
        assertEquals(1, name.err().lines().count(), name::toString);
        CliRunner.Result year = truce.run("changes", "--since", "2300-01-01");
        assertEquals(2, year.exitCode(), year::toString);
        assertTrue(year.err().startsWith("truce changes: Invalid value for option '--since': '2300-01-01' is outside "
                + "1970–2100 (a typo in the year?)\n"), year::toString);
        CliRunner.Result day = truce.run("changes", "--since", "2026-02-30");
        assertEquals(2, day.exitCode(), day::toString);
        assertTrue(day.err().contains("'2026-02-30' is not a real date"), day::toString);
    }

    @Test
    void theDefaultIsTheUsersLastRunElseTheLast24Hours() throws Exception {
        Map<String, String> ana = Map.of("USER", "ana");
        CliRunner.Result first = truce.env(ana).at("2026-06-23T12:00:00Z").run("changes");
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("""
                Changes in the last 24 hours, since 2026-06-22 08:00 EDT (commit %s, 2026-06-21 10:00 EDT) to the working tree

                WHEN                  BY     COMMIT   ID           CHANGE
                2026-06-22 10:00 EDT  Alice  %s  open-thing   removed: Keep talking
                uncommitted           -      -        cn-licences  evidence added: 2026-06-23: US says breaches (report), Desk note
                """.formatted(at(c4), at(c5)), first.out(), first::toString);
        Path state = dir.resolve(".truce");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        Path lastRun = state.resolve("changes-last-run-ana");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lastRun)));

        String c6 = repo.commit("Desk note", "Dan", "2026-06-23T13:00:00Z");
        repo.edit("obligations.yaml", "title: Suspend the tariff", "title: Suspend the 24-point tariff");
        CliRunner.Result second = truce.env(ana).at("2026-06-23T14:00:00Z").run("changes");
        assertEquals("""
                Changes since your last run at 2026-06-23 08:00 EDT (commit %s, 2026-06-22 10:00 EDT) to the working tree

                WHEN                  BY   COMMIT   ID           CHANGE
                2026-06-23 09:00 EDT  Dan  %s  cn-licences  evidence added: 2026-06-23: US says breaches (report), Desk note
                uncommitted           -    -        us-tariff    title: Suspend the tariff → Suspend the 24-point tariff
                """.formatted(at(c5), at(c6)), second.out(), second::toString);

        CliRunner.Result other = truce.env(Map.of("USER", "bo")).at("2026-06-23T14:00:00Z").run("changes", "--format", "json");
        assertEquals("last-24-hours", new ObjectMapper().readTree(other.out()).get("since").get("kind").asString(),
                "another user's last run is their own");
    }

    @Test
    void aSpanBackFromNowLooksBackWithoutMovingTheBookmark() throws Exception {
        Map<String, String> ana = Map.of("USER", "ana");
        truce.env(ana).at("2026-06-23T12:00:00Z").run("changes");
        Path lastRun = dir.resolve(".truce").resolve("changes-last-run-ana");
        byte[] bookmark = Files.readAllBytes(lastRun);
        for (String since : List.of("7d", "1 week ago", "1w", "168h", "7 days ago")) {
            CliRunner.Result week = truce.env(ana).at("2026-06-23T16:00:00Z").run("changes", "--since", since);
            assertEquals(0, week.exitCode(), week::toString);
            assertTrue(week.out().startsWith("Changes since " + since + " (commit " + at(c1) + ", 2026-06-10 10:00 EDT) "
                    + "to the working tree"), since + ": " + week.out());
        }
        assertTrue(truce.env(ana).at("2026-06-23T16:00:00Z").run("changes", "--since", "2026-06-20").out()
                .contains("title: Issue the licences → Issue all the licences"));
        assertArrayEquals(bookmark, Files.readAllBytes(lastRun), "an ad-hoc --since leaves the bookmark where it was");
        assertTrue(truce.env(ana).at("2026-06-23T16:00:00Z").run("changes").out()
                .startsWith("Changes since your last run at 2026-06-23 08:00 EDT"));
    }

    /**
     * The broken commit also committed the desk's evidence: that much of it can be compared (its evidence file is
     * where the last readable version says), so it is told with that commit; its obligations changes show with the fix.
     */
    @Test
    void anOldVersionThatDoesNotParseIsReportedAndTheRestIsCompared() {
        repo.edit("obligations.yaml", "due: 2026-07-15\n", "due: 2026-13-01\n")
                .edit("obligations.yaml", "title: Issue all the licences", "title: Issue every licence");
        String broken = repo.commit("Oops", "Eve", "2026-06-23T13:00:00Z");
        repo.edit("obligations.yaml", "due: 2026-13-01\n", "due: 2026-07-20\n");
        String fixed = repo.commit("Fix", "Eve", "2026-06-23T13:30:00Z");
        CliRunner.Result r = truce.run("changes", "--since", "HEAD~2");
        assertEquals(0, r.exitCode(), r::toString);
        int line = lineOf(OBLIGATIONS, "due: 2026-06-30");
        assertEquals("truce changes: obligations.yaml@" + at(broken) + ":" + line + ":10: obligations[0] (us-tariff).due: "
                + "'2026-13-01' is not a real date (expected YYYY-MM-DD); this version is left out of the comparison\n",
                r.err(), r::toString);
        assertEquals("""
                Changes since HEAD~2 (commit %s, 2026-06-22 10:00 EDT) to the working tree

                WHEN                  BY   COMMIT   ID           CHANGE
                2026-06-23 09:00 EDT  Eve  %s  cn-licences  evidence added: 2026-06-23: US says breaches (report), Desk note
                2026-06-23 09:30 EDT  Eve  %s  us-tariff    due date corrected: 2026-07-15 → 2026-07-20
                2026-06-23 09:30 EDT  Eve  %s  cn-licences  title: Issue all the licences → Issue every licence
                """.formatted(at(c5), at(broken), at(fixed), at(fixed)), r.out(), r::toString);
    }

    @Test
    void aBrokenEvidenceEntryIsToldOnceAndTheOtherEntriesCompared() {
        repo.append("evidence.yaml", """
                - obligation: us-tariff
                  date: 2026-06-23
                  stance: maybe
                  claimant: CBP
                  basis: data
                  source: CSMS 2
                """);
        String broken = repo.commit("Desk notes", "Dan", "2026-06-23T13:00:00Z");
        CliRunner.Result r = truce.run("changes", "--since", "HEAD~1", "--format", "csv");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("truce changes: evidence.yaml@" + at(broken) + ":21:11: [3].stance: 'maybe' is not a stance "
                + "(expected one of complies, breaches, partial, unclear); the entries that cannot be read are left out of "
                + "the comparison"), r.err().lines().toList(), "told once, though the working tree has it too");
        assertEquals(List.of("when,author,commit,on,id,kind,before,after,source,decided,text",
                "2026-06-23T09:00-04:00,Dan," + broken + ",obligation,cn-licences,evidence-added,,\"2026-06-23: US says "
                        + "breaches (report), Desk note\",Desk note,,\"evidence added: 2026-06-23: US says breaches "
                        + "(report), Desk note\""), r.out().lines().toList(), "the entry that reads is compared");
    }

    @Test
    void sinceADateTimeTakesTheNewestCommitAtOrBeforeIt() {
        CliRunner.Result r = truce.run("changes", "--since", "2026-06-21T09:59-04:00", "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode since = new ObjectMapper().readTree(r.out()).get("since");
        assertEquals(c3, since.get("commit").asString(), "c4 came a minute later");
        assertEquals("2026-06-21T09:59-04:00", since.get("at").asString());
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }
}
