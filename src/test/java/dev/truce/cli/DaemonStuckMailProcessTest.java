package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.DripSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce daemon` as a process, sending to a mail server that never finishes its reply (it drips
 * "250-still thinking" lines). Neither the server nor a first SIGTERM may hold the daemon for ever:
 * the delivery's deadline ends it and the daemon retries later; a SIGTERM ends it after the stop
 * grace and the daemon exits 0. The server never answers, so what ends each delivery is the
 * deadline or the grace, not the timing of the test.
 */
@Tag("slow")
class DaemonStuckMailProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private DripSmtpServer drip;

    @BeforeEach
    void setUp() throws Exception {
        drip = new DripSmtpServer(Duration.ofMillis(200));
        Files.writeString(dir.resolve("evidence.yaml"), "[]\n");
        AlertingFile.smtpOn(drip.port()).writeTo(dir);   // one obligation due in five days: a run sends
    }

    @AfterEach
    void tearDown() throws Exception {
        drip.close();
    }

    private String stuck() {
        return "the SMTP server 127.0.0.1:" + drip.port() + " had not finished";
    }

    @Test
    void sigtermEndsADeliveryStuckOnTheMailServerAfterTheStopGraceThenExitsZero() throws Exception {
        try (TruceProcess truce = TruceProcess.start(dir, "daemon", "--run-now", "--stop-grace", "1")) {
            assertTrue(drip.awaitDripping(WAIT), "the run never reached the mail server");
            truce.terminate();

            assertEquals(0, truce.awaitExit(WAIT), () -> String.join("\n", truce.err()));
            List<String> err = truce.err();
            assertTrue(err.stream().anyMatch(l -> l.contains("truce daemon: stopping: a run in progress finishes first")),
                    String.join("\n", err));
            assertTrue(err.stream().anyMatch(l -> l.contains("truce daemon: " + stuck() + " when truce was asked to stop; "
                    + "connection closed after a grace of 1 s; nothing sent to desk@example.com (the next run sends it); "
                    + "stopping after this run")), String.join("\n", err));
            assertTrue(err.get(err.size() - 1).endsWith("truce daemon: daemon stopped"), String.join("\n", err));
            assertTrue(drip.awaitHangUp(WAIT), "the connection to the mail server was left open");
            assertFalse(Files.exists(dir.resolve(".truce").resolve("daemon-last-run")),
                    "a run that sent nothing counts as the last run: a restart would not catch up");
        }
    }

    @Test
    void aDeliveryPastItsDeadlineFailsAndTheDaemonRetriesLaterAndKeepsRunning() throws Exception {
        try (TruceProcess truce = TruceProcess.start(dir, Map.of("TRUCE_SMTP_DEADLINE", "1"), TruceProcess.LAUNCHER_FLAGS,
                "daemon", "--run-now")) {
            String line = truce.awaitErr(l -> l.contains(stuck()), WAIT);

            assertTrue(line.contains("truce daemon: " + stuck() + " after 1 s, the deadline for one delivery "
                    + "($TRUCE_SMTP_DEADLINE); connection closed; nothing sent to desk@example.com (the next run sends "
                    + "it); retry at "), line);
            assertTrue(drip.awaitHangUp(WAIT), "the connection to the mail server was left open");
            truce.terminate();
            assertEquals(0, truce.awaitExit(WAIT), () -> String.join("\n", truce.err()));
        }
    }
}
