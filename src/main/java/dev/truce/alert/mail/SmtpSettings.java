package dev.truce.alert.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to reach the mail server, resolved from alerts.smtp and the environment. The
 * password never appears in {@link #toString()} or in any message.
 *
 * @param timeout  how long to wait for the connection and for each line of a reply
 * @param deadline how long one delivery (connecting if needed, then one message) may take in all
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
                           Duration timeout, Duration deadline) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** With the default deadline. */
    public SmtpSettings(String host, int port, Security security, String username, String password, String from,
                        Duration timeout) {
        this(host, port, security, username, password, from, timeout, DEFAULT_DEADLINE);
    }

    public boolean authenticates() {
        return username != null;
    }

    /** host:port, for messages. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + address() + ", security=" + security.label() + ", username=" + username
                + ", password=" + (password == null ? "none" : "(set)") + ", from=" + from + ", timeout=" + timeout + ", deadline=" + deadline + "]";
    }
}
