package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.TruceFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce daemon` refusing to start: every case here returns before the scheduler runs. The daemon
 * itself (signals, exit 0 after the run in progress) is tested as a process in DaemonProcessTest.
 */
class DaemonCommandTest {
    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir);
    }

    private static void assertBadInput(CliRunner.Result run, String err) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(err, run.err(), run::toString);
    }

    @Test
    void aBadCronExpressionIsRefusedNamingTheFlag() {
        CliRunner.Result run = truce.run("daemon", "--schedule", "0 7 * * *");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce daemon: --schedule: '0 7 * * *' is not a Quartz cron expression ("), run::toString);
        assertTrue(run.err().endsWith("e.g. '0 0 7 ? * MON-FRI')\n"), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
    }

    @Test
    void aBadScheduleInTheFileNamesTheFileAndKey() {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp() + "\nschedule: every morning", "T", ""));
        CliRunner.Result run = truce.run("daemon");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce daemon: obligations.yaml: alerts.schedule: 'every morning' is not a Quartz cron expression"),
                run::toString);
    }

    @Test
    void anUnknownZoneGetsADidYouMean() {
        assertBadInput(truce.run("daemon", "--zone", "America/New_Yrok"), "truce daemon: --zone: 'America/New_Yrok' is not a time zone"
                + " (expected an IANA name such as America/New_York); did you mean 'America/New_York'?\n");
    }

    @Test
    void clusterModeIsPostgresOnly() {
        assertBadInput(truce.run("daemon", "--cluster", "jdbc:mysql://db/truce"),
                "truce daemon: --cluster: 'jdbc:mysql://db/truce' is not a PostgreSQL JDBC URL (cluster mode runs on PostgreSQL: "
                        + "expected jdbc:postgresql://host[:port]/database)\n");
    }

    @Test
    void anInvalidFileAtStartIsBadInputWithItsPosition() {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "T", "").replace("days: 300", "days: many"));
        CliRunner.Result run = truce.run("daemon");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce daemon: obligations.yaml:8:9: truce.days: "), run::toString);
    }

    @Test
    void anUnreachableClusterDatabaseIsARuntimeFailureWithoutATrace() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRunner.Result run = truce.run("daemon", "--cluster", "jdbc:postgresql://127.0.0.1:" + closed + "/truce");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("truce daemon: cannot prepare the cluster database jdbc:postgresql://127.0.0.1:" + closed
                + "/truce: "), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
    }
}
