package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.DESK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.alert.SentAlert;
import dev.truce.cli.CliRunner;
import dev.truce.testing.HoldingSmtp;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit's kill -9 trials, as real processes: `truce alert` sends desk@'s digest (accepted), records it,
 * and is stuck sending the next one (the server holds it) when it is killed with SIGKILL, at delays across
 * the 20-150 ms after the commit in which H2's background writer used to lose the record. The ledger must
 * have desk@'s record, and the next run must send only the two digests that never arrived.
 */
@Tag("slow")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DurableRecordProcessTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed {0} ms after the first digest was recorded")
    @ValueSource(ints = {0, 20, 45, 70, 100, 150})
    void aRecordedDigestSurvivesSigkill(int delayMillis) throws Exception {
        // the child JVM runs on the machine's clock: deadlines 5 and 20 days from now, as 7 and 22 are in the fixture
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneId.of("America/New_York")).toLocalDate();
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("effective: 2026-01-01T00:01-05:00", "effective: " + today.minusDays(100))
                .replace("due: 2026-06-30", "due: " + today.plusDays(5))
                .replace("due: 2026-07-15T00:01-04:00", "due: " + today.plusDays(20)));
        Process truce;
        try (HoldingSmtp smtp = new HoldingSmtp(1)) {
            truce = start(TruceFixture.smtpAt(smtp.port()), "alert");
            try {
                assertTrue(smtp.awaitHolding(120), () -> "the second digest never reached the server: " + errOf(truce));
                assertEquals(List.of(List.of(DESK)), smtp.received());
                // Not a wait for anything: the kill's distance from the commit is what the trial varies. Whatever
                // it is, the first digest's record was committed before the second digest was begun.
                Thread.sleep(delayMillis);
                truce.destroyForcibly();   // SIGKILL: no shutdown hook, no finally, no close of the database
                assertTrue(truce.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, truce.exitValue());
            } finally {
                truce.destroyForcibly();
            }
        }

        List<SentAlert> recorded = new ArrayList<>();
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve(".truce"), () -> { })) {
            recorded.addAll(ledger.ledger().sent("t-1"));
        }
        assertEquals(List.of(DESK, DESK), recorded.stream().map(SentAlert::recipient).toList(),
                "desk@'s digest (us-tariff and cn-licences) is in the ledger");

        CliRunner.Result next = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort()))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).run("alert");
        assertEquals(0, next.exitCode(), next::toString);
        assertEquals("""
                sent to owner@example.com: 1 obligation (us-tariff)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, next.out(), "desk@ is not sent the same digest again\n" + next);
        assertEquals(List.of(TruceFixture.LICENCES, TruceFixture.OWNER), Mails.toAll(MAIL.getReceivedMessages()));
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms8m", "-Xmx2g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m",
                "-cp", System.getProperty("java.class.path"), "dev.truce.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRUCE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private String errOf(Process process) {
        try {
            return (process.isAlive() ? "running" : "exit " + process.exitValue()) + ", stderr: "
                    + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
