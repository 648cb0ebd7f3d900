package dev.truce.alert.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends messages over one SMTP connection (Jakarta Mail, Eclipse Angus), opened on first use and again
 * after the server dropped it. Built once from {@link SmtpSettings}; connection, read and write timeouts
 * all apply, and each delivery (and the goodbye) has a deadline on top: when it passes, or soon after a
 * {@link DeliveryStop} is requested, the connection is closed and the delivery fails as not sent. TLS
 * checks the server's certificate and name; {@code tls} replaces the JVM's trust store (null keeps it).
 */
public final class SmtpMailer implements AutoCloseable {
    /** The commands Angus Mail names in a refusal of the message itself: DATA, and "." that ends it. */
    private static final java.util.Set<String> AFTER_DATA = java.util.Set.of("DATA", ".");

    private final SmtpSettings settings;
    private final DeliveryStop stop;
    private final ConnectionSockets sockets = new ConnectionSockets();
    private final Session session;
    private Transport transport;

    /** Obeys the process's stop ({@link DeliveryStop#PROCESS}). */
    public SmtpMailer(SmtpSettings settings, SSLSocketFactory tls) {
        this(settings, tls, DeliveryStop.PROCESS);
    }

    public SmtpMailer(SmtpSettings settings, SSLSocketFactory tls, DeliveryStop stop) {
        this.settings = settings;
        this.stop = stop;
        this.session = Session.getInstance(properties(settings, tls, sockets));
    }

    public Session session() {
        return session;
    }

    /**
     * Sends one message to its recipients.
     *
     * @throws MailFailure with {@code affectsEveryone} set when no connection or login could be made,
     *                     so no other message can go either
     */
    public void send(DigestMessage message) throws MailFailure {
        try (Delivery delivery = Delivery.start(sockets, settings.deadline(), stop)) {
            connectIfNeeded(delivery);
            try {
                transport.sendMessage(message.mime(), message.mime().getAllRecipients());
            } catch (MessagingException e) {
                throw cutShort(delivery, e).orElseGet(() -> new MailFailure(describe(e), false, permanentRefusal(e), e));
            }
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            // QUIT waits for a reply too: a server that drags that out must not hold the run either
            try (Delivery goodbye = Delivery.start(sockets, settings.deadline(), stop)) {
                transport.close();
            } catch (MessagingException e) {
                // the messages are out or failed already; a failed QUIT changes nothing
            }
        }
    }

    private void connectIfNeeded(Delivery delivery) throws MailFailure {
        // isConnected() asks the server (NOOP), so it runs under the delivery's deadline too
        if (transport != null && transport.isConnected()) {
            return;
        }
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } catch (AuthenticationFailedException e) {
            throw cutShort(delivery, e).orElseGet(() -> new MailFailure("the SMTP server " + settings.address()
                    + " refused the login of " + settings.username() + ": " + oneLine(e.getMessage()), true, e));
        } catch (MessagingException e) {
            throw cutShort(delivery, e).orElseGet(() -> new MailFailure("cannot connect to the SMTP server "
                    + settings.address() + " (" + settings.security().label() + "): " + describe(e), true, e));
        }
    }

    /**
     * The failure of a delivery that its deadline or a stop cut short: whatever the exception says, the
     * reason is that we closed the connection. Nothing else can go over it, so it affects everyone.
     */
    private Optional<MailFailure> cutShort(Delivery delivery, MessagingException e) {
        return delivery.ended().map(end -> new MailFailure(switch (end) {
            case DEADLINE -> "the SMTP server " + settings.address() + " had not finished after "
                    + Durations.text(settings.deadline()) + ", the deadline for one delivery ($"
                    + SmtpSettingsResolver.DEADLINE + "); connection closed";
            case STOP -> "the SMTP server " + settings.address() + " had not finished when truce was asked to stop; "
                    + "connection closed after a grace of " + Durations.text(stop.grace().orElse(Duration.ZERO));
        }, true, e));
    }

    /**
     * Whether the server refused the message's one recipient for good: a 5xx reply to RCPT, or to DATA or the end
     * of the message (a server that takes the address and refuses the message once it has read it, as content
     * filters and late mailbox checks do). By RFC 5321 the same request gets the same answer; a 4xx is worth
     * trying again. Each digest has one recipient, so a refusal of the message is a refusal of that recipient.
     */
    private static boolean permanentRefusal(MessagingException e) {
        for (Exception next = e; next instanceof MessagingException m; next = m.getNextException()) {
            if (next instanceof SMTPAddressFailedException refused) {
                return permanent(refused.getReturnCode());
            }
            if (next instanceof SMTPSendFailedException refused && AFTER_DATA.contains(refused.getCommand())) {
                return permanent(refused.getReturnCode());
            }
        }
        return false;
    }

    private static boolean permanent(int replyCode) {
        return replyCode >= 500 && replyCode < 600;
    }

    /** One line a person can act on, from the most telling exception in the chain. */
    private String describe(MessagingException e) {
        if (e instanceof SendFailedException failed && failed.getNextException() instanceof MessagingException next) {
            return "refused: " + oneLine(next.getMessage());
        }
        if (e instanceof SMTPSendFailedException refused && AFTER_DATA.contains(refused.getCommand())) {
            return "refused: " + oneLine(refused.getMessage());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return oneLine(cause.getMessage());
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + settings.timeout().toSeconds() + " s";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + settings.host();
            }
            if (cause instanceof SSLException) {
                return "TLS failed: " + oneLine(cause.getMessage());
            }
        }
        return oneLine(e.getMessage());
    }

    private static String oneLine(String text) {
        return text == null ? "(no detail)" : text.replaceAll("\\s+", " ").strip();
    }

    private static Properties properties(SmtpSettings settings, SSLSocketFactory tls, ConnectionSockets sockets) {
        Properties props = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        props.setProperty("mail.smtp.from", settings.from());
        props.setProperty("mail.smtp.connectiontimeout", timeout);
        props.setProperty("mail.smtp.timeout", timeout);
        props.setProperty("mail.smtp.writetimeout", timeout);
        props.setProperty("mail.smtp.auth", String.valueOf(settings.authenticates()));
        switch (settings.security()) {
            case STARTTLS -> {
                props.setProperty("mail.smtp.starttls.enable", "true");
                // never fall back to clear text (and send the password in it) when the server offers no STARTTLS
                props.setProperty("mail.smtp.starttls.required", "true");
            }
            case SSL -> props.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.socketFactory", sockets.plain());
        // else a socket closed at the deadline would make Angus Mail open one of its own, unwatched
        props.setProperty("mail.smtp.socketFactory.fallback", "false");
        if (settings.security() != Security.NONE) {
            props.put("mail.smtp.ssl.socketFactory",
                    sockets.tls(tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault()));
        }
        return props;
    }

    /** A message that did not go out, and whether that stops every other message too. */
    public static final class MailFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean affectsEveryone;
        private final boolean permanent;

        MailFailure(String message, boolean affectsEveryone, Throwable cause) {
            this(message, affectsEveryone, false, cause);
        }

        MailFailure(String message, boolean affectsEveryone, boolean permanent, Throwable cause) {
            super(message, cause);
            this.affectsEveryone = affectsEveryone;
            this.permanent = permanent;
        }

        public boolean affectsEveryone() {
            return affectsEveryone;
        }

        /** The server refused the recipient for good (5xx to RCPT or after DATA): the same message would be refused again. */
        public boolean permanent() {
            return permanent;
        }
    }
}
