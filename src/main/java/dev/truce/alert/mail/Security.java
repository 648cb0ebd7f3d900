package dev.truce.alert.mail;

import dev.truce.domain.Labelled;
import dev.truce.domain.Noun;

/** How the SMTP connection is protected, as alerts.smtp.security names it. */
@Noun("security mode")
public enum Security implements Labelled {
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

    @Override
    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
