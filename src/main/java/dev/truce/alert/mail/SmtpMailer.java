package dev.truce.alert.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends messages over one SMTP connection (Jakarta Mail, Eclipse Angus), opened on first use and again
 * after the server dropped it. Built once from {@link SmtpSettings}; connection, read and write timeouts
 * all apply. TLS checks the server's certificate and name; {@code tls} replaces the JVM's trust store
 * (null keeps it).
 */
public final class SmtpMailer implements AutoCloseable {
    private final SmtpSettings settings;
    private final Session session;
    private Transport transport;

    public SmtpMailer(SmtpSettings settings, SSLSocketFactory tls) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings, tls));
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
        connectIfNeeded();
        try {
            transport.sendMessage(message.mime(), message.mime().getAllRecipients());
        } catch (MessagingException e) {
            throw new MailFailure(describe(e), false, e);
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages are out or failed already; a failed QUIT changes nothing
            }
        }
    }

    private void connectIfNeeded() throws MailFailure {
        if (transport != null && transport.isConnected()) {
            return;
        }
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } catch (AuthenticationFailedException e) {
            throw new MailFailure("the SMTP server " + settings.address() + " refused the login of "
                    + settings.username() + ": " + oneLine(e.getMessage()), true, e);
        } catch (MessagingException e) {
            throw new MailFailure("cannot connect to the SMTP server " + settings.address() + " ("
                    + settings.security().label() + "): " + describe(e), true, e);
        }
    }

    /** One line a person can act on, from the most telling exception in the chain. */
    private String describe(MessagingException e) {
        if (e instanceof SendFailedException failed && failed.getNextException() instanceof MessagingException next) {
            return "refused: " + oneLine(next.getMessage());
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

    private static Properties properties(SmtpSettings settings, SSLSocketFactory tls) {
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
        if (tls != null) {
            props.put("mail.smtp.ssl.socketFactory", tls);
        }
        return props;
    }

    /** A message that did not go out, and whether that stops every other message too. */
    public static final class MailFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean affectsEveryone;

        MailFailure(String message, boolean affectsEveryone, Throwable cause) {
            super(message, cause);
            this.affectsEveryone = affectsEveryone;
        }

        public boolean affectsEveryone() {
            return affectsEveryone;
        }
    }
}
