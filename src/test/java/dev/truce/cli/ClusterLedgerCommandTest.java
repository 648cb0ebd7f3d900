package dev.truce.cli;

import dev.truce.alert.ledger.ConnectionSource;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.domain.Ack;
import dev.truce.alert.SentAlert;
import dev.truce.config.ClusterDatabase;
import dev.truce.alert.ledger.EmbeddedLedger;
import dev.truce.alert.ledger.Ledger;
import dev.truce.schedule.Postgres;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce alert` and `truce ack` by hand on a cluster machine: with daemon.cluster in the file they use
 * the cluster's ledger on PostgreSQL (the embedded server, a fresh database per test), so what a node
 * sent is not sent again; --state DIR uses a local ledger instead. A hand-made ack goes to the acks file,
 * which the nodes share through git; the acks the cluster's ledger held before are carried over into it once.
 */
@Tag("slow")
class ClusterLedgerCommandTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String SENT_TO_ALL = """
            sent to desk@example.com: 2 obligations (us-tariff, cn-licences)
            sent to owner@example.com: 1 obligation (us-tariff)
            sent to licences@example.com: 1 obligation (cn-licences)
            """;

    @TempDir
    Path dir;

    private final ClusterDatabase database = Postgres.freshDatabase();
    private CliRunner truce;

    @BeforeEach
    void setUp() {
        Map<String, String> env = new HashMap<>(TruceFixture.smtpAt(MAIL.getSmtp().getPort()));
        env.put(ClusterDatabase.USER_VARIABLE, database.user());
        truce = new CliRunner(dir).env(env).at(WEEK_BEFORE);
    }

    private void writeFile(boolean clustered) {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                + (clustered ? "\ndaemon:\n  cluster: " + database.url() + "\n" : ""));
    }

    private List<SentAlert> sentInCluster() throws SQLException {
        try (Ledger ledger = Ledger.open(ConnectionSource.of(database))) {
            return ledger.sent("t-1");
        }
    }

    private List<Ack> acksInCluster() throws SQLException {
        try (Ledger ledger = Ledger.open(ConnectionSource.of(database))) {
            return ledger.storedAcks("t-1").stream().map(Ledger.StoredAck::ack).toList();
        }
    }

    private static CliRunner.Result ok(CliRunner.Result run) {
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    @Test
    void alertOnAClusterMachineRecordsInTheClusterLedgerAndASecondRunSendsNothing() throws Exception {
        writeFile(true);
        assertEquals(SENT_TO_ALL, ok(truce.run("alert")).out());
        assertEquals(4, sentInCluster().size(), "us-tariff to desk and owner, cn-licences to desk and licences");
        assertFalse(EmbeddedLedger.exists(dir.resolve(".truce")), "no local ledger on a cluster machine");

        CliRunner.Result again = ok(truce.run("alert"));
        assertEquals("", again.out(), again::toString);
        assertEquals("", ok(truce.run("alert", "--dry-run")).out(), "the preview reads the cluster's ledger too");
        assertEquals(3, MAIL.getReceivedMessages().length);
        assertTrue(ok(truce.run("alert", "--history", "us-tariff")).out().contains("owner@example.com"));
    }

    @Test
    void anAckByHandGoesToTheAcksFileNotTheClusterAndSilencesTheClustersAlerts() throws Exception {
        writeFile(true);
        CliRunner.Result ack = ok(truce.run("ack", "us-tariff", "--by", "ana", "--reason", "raised with USTR"));
        assertTrue(ack.out().startsWith("acknowledged us-tariff by ana"), ack::toString);
        assertEquals(List.of(), acksInCluster(), "the ledger keeps only what was sent");
        assertTrue(java.nio.file.Files.readString(dir.resolve("acks.yaml")).contains("- {obligation: us-tariff, "));

        CliRunner.Result list = ok(truce.run("ack", "list"));
        assertTrue(list.out().contains("us-tariff") && list.out().contains("in force"), list::toString);

        assertEquals("""
                sent to desk@example.com: 1 obligation (cn-licences)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, ok(truce.run("alert")).out());
        assertEquals(List.of(TruceFixture.DESK, TruceFixture.LICENCES), Mails.toAll(MAIL.getReceivedMessages()));
    }

    @Test
    void theAcksTheClustersLedgerHeldAreHonouredByTheNodesThenCarriedOverOnceIntoTheAcksFile() throws Exception {
        writeFile(true);
        Ledger.open(ConnectionSource.of(database)).close();
        Ack old = new Ack("t-1", "us-tariff", java.time.Instant.parse("2026-06-22T14:05:06.123456Z"), "ana",
                "raised with USTR", null, null, dev.truce.domain.ComplianceState.NO_EVIDENCE,
                java.time.Instant.parse("2026-07-01T04:00:00Z"));
        dev.truce.testing.Truce02Acks.store(ConnectionSource.of(database), old);

        CliRunner.Result alert = ok(truce.run("alert"));
        assertEquals("""
                sent to desk@example.com: 1 obligation (cn-licences)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, alert.out(), "a node honours the ack its ledger still holds: " + alert);
        assertTrue(alert.err().contains("the alert ledger still holds 1 ack made before acks.yaml"), alert::toString);

        CliRunner.Result list = ok(truce.run("ack", "list"));
        assertTrue(list.err().startsWith("truce: carried 1 ack over from the alert ledger in the cluster database into "
                + "acks.yaml (once; the ledger keeps only what was sent)"), list::toString);
        assertTrue(list.out().contains("us-tariff   ana  a change  in force  raised with USTR"), list::toString);
        assertEquals(List.of(), acksInCluster());
        assertTrue(java.nio.file.Files.readString(dir.resolve("acks.yaml")).contains(", acked: 2026-06-22T14:05:06Z, "));
        assertEquals("", ok(truce.run("ack", "list")).err(), "once");
        assertEquals("", ok(truce.at("2026-06-24T11:00:00Z").run("alert")).out(), "the file's ack holds on the nodes");
    }

    @Test
    void stateOverridesTheFilesClusterWithALocalLedger() throws Exception {
        writeFile(true);
        ok(truce.run("alert"));
        ok(truce.run("ack", "us-tariff", "--by", "ana", "--reason", "raised with USTR"));

        assertEquals("sent to desk@example.com: 1 obligation (cn-licences)\n"
                + "sent to licences@example.com: 1 obligation (cn-licences)\n",
                ok(truce.run("alert", "--state", "local")).out(), "the local ledger knows nothing sent; the ack holds");
        assertTrue(EmbeddedLedger.exists(dir.resolve("local")));
        assertTrue(ok(truce.run("ack", "list", "--state", "local")).out().contains("in force"),
                "the acks are the file's, whichever ledger");
        assertEquals(4, sentInCluster().size(), "the cluster's ledger is untouched");
    }

    @Test
    void clusterFlagUsesTheClusterLedgerWithoutDaemonClusterInTheFile() throws Exception {
        writeFile(false);
        assertEquals(SENT_TO_ALL, ok(truce.run("alert", "--cluster", database.url())).out());
        assertEquals(4, sentInCluster().size());
        assertFalse(EmbeddedLedger.exists(dir.resolve(".truce")));
        assertEquals("", ok(truce.run("alert", "--cluster", database.url())).out());
    }

    @Test
    void stateAndClusterTogetherIsBadInput() {
        writeFile(false);
        CliRunner.Result run = truce.run("ack", "list", "--state", "local", "--cluster", database.url());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce ack list: --state and --cluster: choose one ledger\n"), run::toString);
    }

    @Test
    void aPasswordInTheUrlIsBadInputAndNotEchoed() {
        writeFile(false);
        CliRunner.Result run = truce.run("alert", "--cluster", database.url() + "?user=postgres&password=hunter2");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("truce alert: --cluster: the URL carries a password; remove it and set $TRUCE_DB_PASSWORD instead\n",
                run.err(), run::toString);
    }

    @Test
    void badCredentialsFailWithOneLineAndNoPassword() {
        writeFile(true);
        CliRunner.Result run = truce.env(Map.of(ClusterDatabase.USER_VARIABLE, "nobody",
                ClusterDatabase.PASSWORD_VARIABLE, "hunter2")).run("alert", "--history");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce alert: the alert ledger in the cluster database " + database.url()
                + " as nobody failed: "), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertFalse(run.err().contains("hunter2"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void anUnreachableClusterDatabaseFailsWithOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        writeFile(false);
        CliRunner.Result run = truce.run("alert", "--cluster", "jdbc:postgresql://127.0.0.1:" + closed + "/truce");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce alert: the alert ledger in the cluster database jdbc:postgresql://127.0.0.1:"
                + closed + "/truce as postgres failed: "), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertEquals(0, MAIL.getReceivedMessages().length, "nothing is sent without a ledger to record it");
    }
}
