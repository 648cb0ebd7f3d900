package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truce changes` where the files have no git history: against the copy kept in the state folder at each run. */
class ChangesWithoutGitTest {
    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), ChangesCommandTest.OBLIGATIONS);
        Files.writeString(dir.resolve("evidence.yaml"), ChangesCommandTest.EVIDENCE);
        truce = new CliRunner(dir).env(Map.of("USER", "ana"));
    }

    private void edit(String name, String from, String to) throws IOException {
        Path file = dir.resolve(name);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    private String note() {
        return "truce changes: obligations.yaml is not in a git repository: comparing with the copy of the files taken "
                + "at the last run of truce changes (in " + dir.resolve(".truce") + ")\n";
    }

    @Test
    void theFirstRunTakesACopyAndTheNextListsWhatChangedSince() throws IOException {
        CliRunner.Result first = truce.at("2026-06-22T12:00:00Z").run("changes");
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("No copy of the files to compare with yet: took one now; the next run of truce changes lists "
                + "what changed since.\n", first.out());
        assertEquals(note(), first.err());
        Path state = dir.resolve(".truce");
        Path copy = state.resolve("changes-snapshot-ana.json");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));

        edit("obligations.yaml", "    due: 2026-07-15T00:01-04:00\n", """
                    due: 2026-07-15T00:01-04:00
                    extensions:
                      - until: 2026-08-15T00:01-04:00
                        source: MOFCOM No. 9
                """);
        edit("evidence.yaml", "source: USTR statement", "source: USTR statement of 2026-05-20");
        CliRunner.Result second = truce.at("2026-06-23T12:00:00Z").run("changes");
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals("""
                Changes since the copy of the files taken 2026-06-22 08:00 EDT to the files now

                WHEN  BY  COMMIT  ID           CHANGE
                -     -   -       cn-licences  deadline extended from 2026-07-15 00:01 EDT to 2026-08-15 00:01 EDT by MOFCOM No. 9
                -     -   -       cn-licences  evidence removed: 2026-05-20: US says breaches (statement), USTR statement
                -     -   -       cn-licences  evidence added: 2026-05-20: US says breaches (statement), USTR statement of 2026-05-20
                """, second.out(), second::toString);
        assertEquals(note(), second.err());

        CliRunner.Result third = truce.at("2026-06-24T12:00:00Z").run("changes", "--format", "csv");
        assertEquals(List.of("when,author,commit,on,id,kind,before,after,source,decided,text"), third.out().lines().toList());
        assertEquals("No changes since the copy of the files taken 2026-06-24 08:00 EDT to the files now.\n",
                truce.at("2026-06-24T13:00:00Z").run("changes").out());
    }

    @Test
    void sinceNeedsAHistoryAndSaysSoInOneLine() {
        CliRunner.Result r = truce.at("2026-06-22T12:00:00Z").run("changes", "--since", "2026-06-01");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("truce changes: --since: obligations.yaml is not in a git repository, so there is no history to go back to; "
                + "without --since, truce changes compares with the copy of the files it keeps from its last run\n",
                r.err(), r::toString);
    }

    private void addEvidence(String obligation, String date, String source) throws IOException {
        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: %s
                  date: %s
                  stance: complies
                  claimant: CBP
                  basis: data
                  source: %s
                """.formatted(obligation, date, source), java.nio.file.StandardOpenOption.APPEND);
    }

    /** A broken obligations.yaml, now or in the copy, is said in one line; the evidence is still compared. */
    @Test
    void aVersionThatDoesNotParseIsReportedAndTheEvidenceStillCompared() throws IOException {
        truce.at("2026-06-22T12:00:00Z").run("changes");
        Files.writeString(dir.resolve("obligations.yaml"), ChangesCommandTest.OBLIGATIONS.replace("days: 300", "days: many"));
        addEvidence("us-tariff", "2026-06-22", "CSMS 1");
        CliRunner.Result broken = truce.at("2026-06-23T12:00:00Z").run("changes");
        assertEquals(0, broken.exitCode(), broken::toString);
        assertEquals(note() + "truce changes: obligations.yaml:8:9: truce.days: 'many' is not a whole number (expected "
                + "the number of days the truce runs, at least 1); this version is left out of the comparison\n",
                broken.err(), broken::toString);
        assertEquals("""
                Changes since the copy of the files taken 2026-06-22 08:00 EDT to the files now

                WHEN  BY  COMMIT  ID         CHANGE
                -     -   -       us-tariff  evidence added: 2026-06-22: CBP says complies (data), CSMS 1
                """, broken.out(), broken::toString);

        Files.writeString(dir.resolve("obligations.yaml"), ChangesCommandTest.OBLIGATIONS.replace("Keep talking", "Talk"));
        addEvidence("cn-licences", "2026-06-23", "CSMS 2");
        CliRunner.Result fixed = truce.at("2026-06-24T12:00:00Z").run("changes");
        assertEquals(note() + "truce changes: obligations.yaml (snapshot):8:9: truce.days: 'many' is not a whole number "
                + "(expected the number of days the truce runs, at least 1); this version is left out of the comparison\n",
                fixed.err(), fixed::toString);
        assertEquals("""
                Changes since the copy of the files taken 2026-06-23 08:00 EDT to the files now

                WHEN  BY  COMMIT  ID           CHANGE
                -     -   -       cn-licences  evidence added: 2026-06-23: CBP says complies (data), CSMS 2
                """, fixed.out(), fixed::toString);
    }
}
