package dev.truce.cli;

import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.testing.DripSmtpServer;
import dev.truce.testing.TruceFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce alert` against a mail server that never finishes its reply: $TRUCE_SMTP_DEADLINE ends the
 * delivery, nothing is recorded, and the run fails (exit 1) so cron or the daemon tries again.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmtpDeadlineCommandTest {
    @TempDir
    Path dir;

    private CliRunner truce(int port, String deadline) {
        TruceFixture.writeDefault(dir);
        Map<String, String> env = new HashMap<>(TruceFixture.smtpAt(port));
        env.put("TRUCE_SMTP_DEADLINE", deadline);
        return new CliRunner(dir).env(env).at(WEEK_BEFORE);
    }

    @Test
    void aDeliveryPastItsDeadlineFailsAsNotSentAndNothingIsRecorded() throws Exception {
        try (DripSmtpServer drip = new DripSmtpServer(Duration.ofMillis(100))) {
            CliRunner truce = truce(drip.port(), "1");

            CliRunner.Result run = truce.run("alert");

            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertEquals("truce alert: the SMTP server 127.0.0.1:" + drip.port() + " had not finished after 1 s, the "
                    + "deadline for one delivery ($TRUCE_SMTP_DEADLINE); connection closed; nothing sent to "
                    + "desk@example.com, owner@example.com, licences@example.com (the next run sends it)\n", run.err());
            assertEquals(1, drip.connections(), "one stuck server: the others were not tried for as long again");
            assertEquals("No alerts sent yet.\n", truce.run("alert", "--history").out());
        }
    }

    @Test
    void aDeadlineThatIsNotANumberOfSecondsIsBadInput() {
        CliRunner.Result run = truce(25, "2min").run("alert");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("truce alert: $TRUCE_SMTP_DEADLINE: '2min' is not a number of seconds (expected e.g. 120)\n", run.err());
    }
}
