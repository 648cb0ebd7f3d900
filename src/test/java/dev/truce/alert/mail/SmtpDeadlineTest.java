package dev.truce.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.alert.Digest;
import dev.truce.testing.DripSmtpServer;
import dev.truce.testing.SmtpPeer;
import jakarta.mail.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A delivery has a deadline on the whole, not only on each read: a server that keeps a reply going
 * one line at a time (each within the read timeout) is cut off when the deadline passes, or soon
 * after a stop is requested. The fake server never finishes, so what ends each delivery here is the
 * deadline or the stop, whatever the machine's speed. Without them a delivery would never end: the
 * timeout makes that a failure rather than a hung build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmtpDeadlineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Far longer than a drip interval: only the deadline can end the wait. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private DripSmtpServer drip;

    @BeforeEach
    void startServer() throws Exception {
        drip = new DripSmtpServer(Duration.ofMillis(100));
    }

    @AfterEach
    void stopServer() throws Exception {
        drip.close();
    }

    private static SmtpSettings settings(int port, Duration deadline) {
        return new SmtpSettings("127.0.0.1", port, Security.NONE, null, null, "truce@example.com", READ_TIMEOUT, deadline);
    }

    private static DigestMessage message() {
        ComposedDigest composed = new ComposedDigest(new Digest("desk@example.com", List.of()), "2 obligations need attention",
                "text", "<p>html</p>");
        return DigestMessage.create(Session.getInstance(new Properties()), composed, "truce@example.com",
                Instant.parse("2026-06-23T11:00:00Z"));
    }

    private static SmtpMailer.MailFailure failureOf(CompletableFuture<Void> delivery) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> delivery.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return assertInstanceOf(SmtpMailer.MailFailure.class, e.getCause());
    }

    private static CompletableFuture<Void> sendInBackground(SmtpMailer mailer) {
        return CompletableFuture.runAsync(() -> {
            try {
                mailer.send(message());
            } catch (SmtpMailer.MailFailure failure) {
                throw new java.util.concurrent.CompletionException(failure);
            }
        });
    }

    @Test
    void aReplyThatNeverEndsIsCutOffAtTheDeadlineAndTheConnectionClosed() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(settings(drip.port(), Duration.ofSeconds(1)), null, new DeliveryStop())) {
            SmtpMailer.MailFailure failure = assertThrows(SmtpMailer.MailFailure.class, () -> mailer.send(message()));

            assertEquals("the SMTP server 127.0.0.1:" + drip.port() + " had not finished after 1 s, the deadline for one "
                    + "delivery ($TRUCE_SMTP_DEADLINE); connection closed", failure.getMessage());
            assertTrue(failure.affectsEveryone(), "the other recipients would wait as long: the run stops trying");
        }
        assertTrue(drip.awaitHangUp(WAIT), "the connection was left open");
    }

    @Test
    void aStopEndsADeliveryStuckInAReplyOnceTheGraceIsOver() throws Exception {
        DeliveryStop stop = new DeliveryStop();
        try (SmtpMailer mailer = new SmtpMailer(settings(drip.port(), SmtpSettings.DEFAULT_DEADLINE), null, stop)) {
            CompletableFuture<Void> delivery = sendInBackground(mailer);
            assertTrue(drip.awaitDripping(WAIT), "the delivery never reached the endless reply");

            stop.request(Duration.ZERO);

            assertEquals("the SMTP server 127.0.0.1:" + drip.port() + " had not finished when truce was asked to stop; "
                    + "connection closed after a grace of 0 s", failureOf(delivery).getMessage());
        }
        assertTrue(drip.awaitHangUp(WAIT), "the connection was left open");
    }

    @Test
    void aDeliveryStartedAfterAStopGetsNoMoreThanWhatIsLeftOfTheGrace() throws Exception {
        DeliveryStop stop = new DeliveryStop();
        stop.request(Duration.ZERO);
        try (SmtpMailer mailer = new SmtpMailer(settings(drip.port(), SmtpSettings.DEFAULT_DEADLINE), null, stop)) {
            SmtpMailer.MailFailure failure = assertThrows(SmtpMailer.MailFailure.class, () -> mailer.send(message()));

            assertTrue(failure.getMessage().endsWith("had not finished when truce was asked to stop; connection closed "
                    + "after a grace of 0 s"), failure.getMessage());
        }
    }

    @Test
    void aStopLetsADeliveryThatIsGoingThroughFinishWithinTheGrace() throws Exception {
        DeliveryStop stop = new DeliveryStop();
        try (SmtpPeer peer = new SmtpPeer(null, null, null, Set.of());
             SmtpMailer mailer = new SmtpMailer(settings(peer.port(), SmtpSettings.DEFAULT_DEADLINE), null, stop)) {
            peer.holdMessages();
            CompletableFuture<Void> delivery = sendInBackground(mailer);
            assertTrue(peer.awaitHolding(WAIT.toSeconds()), "the message never reached the end of DATA");

            stop.request(Duration.ofSeconds(60));
            peer.release();

            delivery.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(List.of(List.of("desk@example.com")), peer.received().stream().map(SmtpPeer.Received::recipients).toList());
        }
    }

    @Test
    void deliveriesWithinTheirDeadlineKeepTheConnectionForTheNext() throws Exception {
        try (SmtpPeer peer = new SmtpPeer(null, null, null, Set.of());
             SmtpMailer mailer = new SmtpMailer(settings(peer.port(), Duration.ofSeconds(60)), null, new DeliveryStop())) {
            mailer.send(message());
            mailer.send(message());

            assertEquals(2, peer.received().size());
        }
    }
}
