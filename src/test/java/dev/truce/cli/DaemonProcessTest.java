package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.SmtpPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce daemon` as a process: SIGTERM lets the run in progress finish and exits 0, a second
 * SIGTERM exits at once. The run is held in the middle of sending by an SMTP peer that answers the
 * end of DATA only when the test lets it, so "in progress" is a fact, not a timing guess.
 */
@Tag("slow")
class DaemonProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private SmtpPeer smtp;

    @BeforeEach
    void setUp() throws Exception {
        smtp = new SmtpPeer(null, null, null, Set.of());
        Files.writeString(dir.resolve("evidence.yaml"), "[]\n");
        AlertingFile.smtpOn(smtp.port()).writeTo(dir);   // one obligation due in five days: a run sends
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    private TruceProcess daemon() throws Exception {
        smtp.holdMessages();
        return TruceProcess.start(dir, "daemon", "--run-now");
    }

    @Test
    void sigtermLetsTheRunInProgressFinishThenExitsZero() throws Exception {
        try (TruceProcess truce = daemon()) {
            truce.awaitErr(line -> line.contains("truce daemon: daemon started (single node)"), WAIT);
            assertTrue(smtp.awaitHolding(WAIT.toSeconds()), "the run never reached the mail server");
            truce.terminate();
            truce.awaitErr(line -> line.contains("truce daemon: stopping: a run in progress finishes first"), WAIT);
            smtp.release();

            assertEquals(0, truce.awaitExit(WAIT), () -> String.join("\n", truce.err()));
            assertEquals(1, smtp.received().size(), "the held message was not delivered");
            List<String> err = truce.err();
            assertTrue(err.stream().anyMatch(l -> l.contains("truce daemon: sent to desk@example.com: 1 obligation (us-tariff);"
                    + " stopping after this run")), String.join("\n", err));
            assertTrue(err.get(err.size() - 1).endsWith("truce daemon: daemon stopped"), String.join("\n", err));
            assertEquals(List.of(), truce.out());
            assertFalse(String.join("\n", err).contains("INFO"), "library chatter on stderr:\n" + String.join("\n", err));
        }
    }

    @Test
    void aSecondSignalStopsAtOnce() throws Exception {
        try (TruceProcess truce = daemon()) {
            assertTrue(smtp.awaitHolding(WAIT.toSeconds()), "the run never reached the mail server");
            truce.terminate();
            truce.awaitErr(line -> line.contains("truce daemon: stopping:"), WAIT);
            truce.terminate();

            assertEquals(128 + 15, truce.awaitExit(WAIT));
            assertEquals(0, smtp.received().size());
        }
    }

    @Test
    void statusLoadsNoSchedulerMailOrDatabaseClass() throws Exception {
        try (TruceProcess truce = TruceProcess.start(dir, Map.of(), List.of("-verbose:class"), "status", "--no-color")) {
            assertEquals(0, truce.awaitExit(WAIT), () -> String.join("\n", truce.err()));
            List<String> heavy = truce.out().stream()
                    .filter(l -> l.contains("org.quartz") || l.contains("com.zaxxer") || l.contains("org.postgresql")
                            || l.contains("dev.truce.schedule") || l.contains("org.h2") || l.contains("jakarta.mail"))
                    .toList();
            assertEquals(List.of(), heavy);
            assertTrue(truce.out().stream().anyMatch(l -> l.contains("us-tariff")), "status did not run");
        }
    }
}
