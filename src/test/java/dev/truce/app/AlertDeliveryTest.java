package dev.truce.app;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.LICENCES;
import static dev.truce.testing.TruceFixture.OWNER;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.app.AlertRunResult.Delivery;
import dev.truce.app.AlertRunResult.Outcome;
import dev.truce.cli.CliRunner;
import dev.truce.testing.Mails;
import dev.truce.testing.SmtpPeer;
import dev.truce.testing.TestTls;
import dev.truce.testing.TruceFixture;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery against real SMTP peers: TLS both ways with authentication, a recipient refused with 550,
 * and two runs at once. GreenMail has SMTPS but no STARTTLS, so STARTTLS is tested against
 * {@link SmtpPeer}, which also refuses recipients and holds a message while a second run starts.
 */
@Tag("slow")
class AlertDeliveryTest {
    static {
        // GreenMail's SMTPS serves this keystore (read once per JVM): a certificate for 127.0.0.1 that
        // TestTls.clientFactory() trusts, so the name check stays on as in production
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, TestTls.keyStoreFile().toString());
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, TestTls.PASSWORD);
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, TestTls.PASSWORD);
    }

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot", "s3cret"));

    private static final Clock AT_WEEK_BEFORE = Clock.fixed(Instant.parse(WEEK_BEFORE), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FileRef file(String smtp) {
        return FileRef.of(TruceFixture.write(dir, TruceFixture.yaml(smtp, "Suspend the tariff", "")));
    }

    private static String smtp(String security) {
        return """
                smtp:
                  host: localhost
                  security: %s
                  username: bot
                  from: truce@example.com""".formatted(security);
    }

    private static AlertService service(int port, String password, SSLSocketFactory tls) {
        Map<String, String> env = new HashMap<>(TruceFixture.smtpAt(port));
        env.put("TRUCE_SMTP_HOST", "localhost");
        env.put("TRUCE_SMTP_PASSWORD", password);
        return new AlertService(dev.truce.app.TruceFiles.plain(), env, tls);
    }

    private static List<String> recipients(AlertRunResult result, Outcome outcome) {
        return result.deliveries().stream().filter(d -> d.outcome() == outcome).map(Delivery::recipient).toList();
    }

    @Test
    void startTlsWithAuthenticationChecksTheCertificateAndLogsIn() throws Exception {
        try (SmtpPeer peer = new SmtpPeer(TestTls.serverContext(), "bot", "s3cret", Set.of())) {
            AlertRunResult result = service(peer.port(), "s3cret", TestTls.clientFactory())
                    .run(file(smtp("starttls")), AT_WEEK_BEFORE, AlertOptions.send());
            assertEquals(List.of(DESK, OWNER, LICENCES), recipients(result, Outcome.SENT), result::toString);
            assertEquals(3, peer.received().size());
            peer.received().forEach(message -> {
                assertTrue(message.overTls(), "sent after STARTTLS");
                assertEquals("bot", message.authenticatedAs());
            });
        }
    }

    @Test
    void startTlsIsRequiredNeverSkipped() throws Exception {
        try (SmtpPeer plain = new SmtpPeer(null, "bot", "s3cret", Set.of())) {
            AlertRunResult result = service(plain.port(), "s3cret", TestTls.clientFactory())
                    .run(file(smtp("starttls")), AT_WEEK_BEFORE, AlertOptions.send());
            assertTrue(result.failed());
            assertEquals(1, result.problems().size(), result::toString);
            assertTrue(result.problems().get(0).startsWith("cannot connect to the SMTP server localhost:" + plain.port()
                    + " (starttls): STARTTLS is required but host does not support STARTTLS"), result.problems()::toString);
            assertEquals(0, plain.received().size(), "the password never went over a clear connection");
        }
    }

    @Test
    void anUntrustedCertificateStopsTheRun() throws Exception {
        try (SmtpPeer peer = new SmtpPeer(TestTls.serverContext(), "bot", "s3cret", Set.of())) {
            AlertRunResult result = service(peer.port(), "s3cret", null) // the JVM's trust store: not our test CA
                    .run(file(smtp("starttls")), AT_WEEK_BEFORE, AlertOptions.send());
            assertTrue(result.problems().get(0).contains("TLS failed: PKIX path building failed"), result::toString);
            assertEquals(0, peer.received().size());
        }
    }

    @Test
    void sslWithAuthenticationAgainstGreenMailSmtps() throws Exception {
        int port = SMTPS.getSmtps().getPort();
        AlertRunResult wrong = service(port, "wrong", TestTls.clientFactory())
                .run(file(smtp("ssl")), AT_WEEK_BEFORE, AlertOptions.send());
        assertEquals(List.of(), wrong.deliveries());
        assertTrue(wrong.problems().get(0).startsWith("the SMTP server localhost:" + port + " refused the login of bot: "),
                wrong::toString);

        AlertRunResult right = service(port, "s3cret", TestTls.clientFactory())
                .run(file(smtp("ssl")), AT_WEEK_BEFORE, AlertOptions.send());
        assertEquals(List.of(DESK, OWNER, LICENCES), recipients(right, Outcome.SENT), right::toString);
        assertEquals(List.of(DESK, LICENCES, OWNER), Mails.toAll(SMTPS.getReceivedMessages()));
    }

    @Test
    void aTemporarilyRefusedRecipientIsRetriedNextRunWhileTheOthersAreRecorded() throws Exception {
        try (SmtpPeer peer = new SmtpPeer(null, null, null, Set.of(LICENCES))) {
            peer.refuseTemporarily();   // a 550 is not retried at once: RefusedRecipientTest
            TruceFixture.writeDefault(dir);
            CliRunner truce = new CliRunner(dir).env(TruceFixture.smtpAt(peer.port())).at(WEEK_BEFORE);
            CliRunner.Result refused = truce.run("alert");
            assertEquals(1, refused.exitCode(), refused::toString);
            assertEquals("""
                    sent to desk@example.com: 2 obligations (us-tariff, cn-licences)
                    sent to owner@example.com: 1 obligation (us-tariff)
                    """, refused.out());
            assertEquals("truce alert: not sent to licences@example.com: refused: 450 4.2.1 <licences@example.com>: "
                    + "mailbox busy, try again later; nothing recorded, the next run retries it\n", refused.err());

            peer.acceptAll();
            CliRunner.Result retried = truce.at("2026-06-23T12:00:00Z").run("alert");
            assertEquals(0, retried.exitCode(), retried::toString);
            assertEquals("sent to licences@example.com: 1 obligation (cn-licences)\n", retried.out());
            assertEquals(List.of(List.of(DESK), List.of(OWNER), List.of(LICENCES)),
                    peer.received().stream().map(SmtpPeer.Received::recipients).toList());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            TruceFixture.writeDefault(dir);
            // the connection is accepted by the kernel's backlog, but no greeting ever comes
            CliRunner.Result run = new CliRunner(dir).env(TruceFixture.smtpAt(silent.getLocalPort())).at(WEEK_BEFORE)
                    .run("alert", "--timeout", "1");
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("truce alert: cannot connect to the SMTP server 127.0.0.1:"
                    + silent.getLocalPort() + " (none): no answer within 1 s; nothing sent"), run::toString);
        }
    }

    @Test
    void twoRunsAtOnceNeverSendTheSameAlertTwice() throws Exception {
        try (SmtpPeer peer = new SmtpPeer(null, null, null, Set.of())) {
            FileRef file = FileRef.of(TruceFixture.writeDefault(dir));
            AlertService service = new AlertService(dev.truce.app.TruceFiles.plain(),
                    TruceFixture.smtpAt(peer.port()));
            peer.holdMessages();
            CompletableFuture<AlertRunResult> first = CompletableFuture.supplyAsync(
                    () -> service.run(file, AT_WEEK_BEFORE, AlertOptions.send()));
            assertTrue(peer.awaitHolding(10), "the first run is sending its first message");

            CountDownLatch secondWaits = new CountDownLatch(1);
            CompletableFuture<AlertRunResult> second = CompletableFuture.supplyAsync(() -> service.run(file,
                    AT_WEEK_BEFORE, AlertOptions.send().withNotices(note -> secondWaits.countDown())));
            assertTrue(secondWaits.await(10, TimeUnit.SECONDS), "the second run finds the first one holding the lock");
            peer.release();

            assertEquals(List.of(DESK, OWNER, LICENCES), recipients(first.get(10, TimeUnit.SECONDS), Outcome.SENT));
            assertEquals(List.of(), second.get(10, TimeUnit.SECONDS).deliveries(), "everything was sent already");
            assertEquals(3, peer.received().size(), "one message per recipient, not two");
        }
    }
}
