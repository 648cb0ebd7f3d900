package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.TruceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** An ack is visible where the desk looks: status, show, the briefing, and check, which it calms. */
class AcksVisibleTest {
    private static final String ACK_REASON = "waiting for the <Federal Register>";

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).at(TruceFixture.WEEK_BEFORE);
    }

    private void ackUsTariff(String... until) {
        String[] args = until.length == 0
                ? new String[] {"ack", "us-tariff", "--by", "ana", "--reason", ACK_REASON}
                : new String[] {"ack", "us-tariff", "--by", "ana", "--reason", ACK_REASON, "--until", until[0]};
        CliRunner.Result ack = truce.run(args);
        assertEquals(0, ack.exitCode(), ack::toString);
    }

    @Test
    void statusNamesWhoAckedUntilWhenAndWhyInEveryFormat() {
        ackUsTariff("2026-06-26");
        CliRunner.Result table = truce.run("status");
        assertTrue(table.out().contains("us-tariff: acked by ana on 2026-06-23, through 2026-06-26 or until its compliance "
                + "or deadline changes: " + ACK_REASON), table.out());
        JsonNode row = new ObjectMapper().readTree(truce.run("status", "--format", "json").out()).get("obligations").get(0);
        assertEquals("us-tariff", row.get("id").asString());
        assertEquals("ana", row.get("ack").get("by").asString());
        assertEquals("2026-06-26", row.get("ack").get("until").asString());
        assertEquals(ACK_REASON, row.get("ack").get("reason").asString());
        assertTrue(new ObjectMapper().readTree(truce.run("status", "--format", "json").out()).get("obligations").get(1)
                .get("ack").isNull());
        String csv = truce.run("status", "--format", "csv").out();
        assertTrue(csv.contains(",Suspend the tariff,ana,2026-06-26,waiting for the <Federal Register>,\r\n"), csv);
        assertTrue(truce.run("status", "--format", "markdown").out().contains("us-tariff: acked by ana"));
    }

    @Test
    void showAndTheBriefingSayItTooEscapedForTheWeb() throws Exception {
        ackUsTariff();
        CliRunner.Result show = truce.run("show", "us-tariff");
        assertTrue(show.out().contains("  acked      by ana on 2026-06-23, until its compliance or deadline changes: "
                + ACK_REASON + "\n"), show.out());
        assertEquals("ana", new ObjectMapper().readTree(truce.run("show", "us-tariff", "--format", "json").out())
                .get("obligation").get("ack").get("by").asString());
        assertEquals(0, truce.run("report", "-o", "briefing.html").exitCode());
        String html = Files.readString(dir.resolve("briefing.html"));
        assertTrue(html.contains("acked by ana on 2026-06-23, until its compliance or deadline changes: "
                + "waiting for the &lt;Federal Register&gt;"), html);
    }

    @Test
    void anAckThatEndedOrWasLiftedIsNoLongerShownButAckListMarksItExpired() {
        ackUsTariff("2026-06-24");
        CliRunner later = truce.at("2026-06-25T11:00:00Z");
        assertTrue(!later.run("status").out().contains("acked by"), "its day is over");
        assertTrue(later.run("ack", "list").out().contains("2026-06-24  expired 2026-06-24  " + ACK_REASON));
        assertTrue(truce.run("status", "--as-of", "2026-06-22").out().lines().noneMatch(l -> l.contains("acked by")),
                "replayed before it was given, it is not there");
    }

    @Test
    void checkCountsAnAckedObligationAsOkOrAsTheLevelAskedAndSaysSo() {
        // at WEEK_BEFORE us-tariff is due in 7 days: WARNING with the default windows; cn-licences in 22. No alert
        // runs here, so the watchdog of the alert runs is off (--alert-max-age 0): only the deadlines and acks count.
        CliRunner.Result before = truce.run("check", "--alert-max-age", "0");
        assertEquals(1, before.exitCode(), before::toString);
        ackUsTariff();
        CliRunner.Result acked = truce.run("check", "--alert-max-age", "0");
        assertEquals(0, acked.exitCode(), acked::toString);
        assertTrue(acked.out().startsWith("TRUCE OK - no other obligation due within 14 days, next: us-tariff in 7 days; "
                + "1 acked obligation counted as OK: us-tariff (truce ack list says who and why) |"), acked.out());
        assertTrue(acked.out().contains(" acked=1;;;0;3"), acked.out());
        CliRunner.Result asWarning = truce.run("check", "--alert-max-age", "0", "--acked-as", "warning");
        assertEquals(1, asWarning.exitCode(), asWarning::toString);
        assertTrue(asWarning.out().contains("1 acked obligation counted as at most WARNING: us-tariff"), asWarning.out());
        CliRunner.Result critical = truce.run("check", "--alert-max-age", "0", "--critical", "7", "--acked-as", "warning");
        assertEquals(1, critical.exitCode(), "due within the critical window, but acked: WARNING at most; " + critical);
        CliRunner.Result bad = truce.run("check", "--acked-as", "loud");
        assertEquals(3, bad.exitCode(), bad::toString);
        assertTrue(bad.out().startsWith("TRUCE UNKNOWN - --acked-as loud: expected ok, warning or critical"), bad.out());
    }

    @Test
    void aFreshCloneWithNoStateFolderSeesTheAcksFromTheAcksFile() throws Exception {
        ackUsTariff();
        assertTrue(!Files.exists(dir.resolve(".truce")), "acking writes no state: the acks file is the record");
        Path clone = Files.createDirectory(dir.resolve("clone"));
        for (String file : List.of("obligations.yaml", "acks.yaml")) {
            Files.copy(dir.resolve(file), clone.resolve(file));
        }
        CliRunner there = new CliRunner(clone).at(TruceFixture.WEEK_BEFORE);
        assertTrue(there.run("status").out().contains("us-tariff: acked by ana"));
        assertEquals(0, there.run("check", "--alert-max-age", "0").exitCode(), "and check counts it as acked there too");
    }

    @Test
    void theAckedRowIsMarkedInTheTableAndTheLegendSaysWhoUntilWhenAndWhy() {
        ackUsTariff("2026-06-26");
        List<String> lines = truce.run("status", "--no-color").out().lines().toList();
        String row = lines.stream().filter(l -> l.startsWith("us-tariff ")).findFirst().orElseThrow();
        String other = lines.stream().filter(l -> l.startsWith("cn-licences ")).findFirst().orElseThrow();
        assertTrue(row.contains("  no-evidence · acked  "), row);
        assertTrue(!other.contains("acked"), other);
        assertEquals(lines.get(lines.size() - 1), "us-tariff: acked by ana on 2026-06-23, through 2026-06-26 or until "
                + "its compliance or deadline changes: " + ACK_REASON);
        assertTrue(truce.run("status", "--format", "markdown").out().contains("| no-evidence · acked |"));
    }
}
