package dev.truce.alert.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to reach the mail server, resolved from alerts.smtp and the environment. The
 * password never appears in {@link #toString()} or in any message.
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
                           Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
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
                + ", password=" + (password == null ? "none" : "(set)") + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
