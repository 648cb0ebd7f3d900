package dev.truce.config;


/**
 * The {@code alerts.smtp} section as written. The password is never here: it comes from
 * $TRUCE_SMTP_PASSWORD or the file named by {@code passwordFile} (as written: relative to obligations.yaml).
 */
public record SmtpConfig(String host, Integer port, String security, String username, String from,
                         String passwordFile) {
    public static final SmtpConfig NONE = new SmtpConfig(null, null, null, null, null, null);
}
