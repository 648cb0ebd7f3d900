package dev.truce.yaml;

import java.nio.file.Path;

/**
 * The {@code alerts.smtp} section as written. The password is never here: it comes from
 * $TRUCE_SMTP_PASSWORD or the file named by {@code passwordFile}.
 */
public record SmtpConfig(String host, Integer port, String security, String username, String from, Path passwordFile) {
    public static final SmtpConfig NONE = new SmtpConfig(null, null, null, null, null, null);
}
