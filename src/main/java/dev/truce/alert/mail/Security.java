package dev.truce.alert.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the SMTP connection is protected, as alerts.smtp.security names it. */
public enum Security {
    /** Plain connection upgraded with STARTTLS; refuses to go on in clear text if the server cannot. */
    STARTTLS("starttls", 587),
    /** TLS from the first byte (SMTPS). */
    SSL("ssl", 465),
    /** No TLS: only for a relay on the same host or a test server. */
    NONE("none", 25);

    private final String label;
    private final int defaultPort;

    Security(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<Security> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Security::label).toList();
    }
}
