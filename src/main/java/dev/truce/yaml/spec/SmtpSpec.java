package dev.truce.yaml.spec;

import dev.truce.config.SmtpConfig;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;

@Spec(doc = "The mail server. The password is never written here: set $TRUCE_SMTP_PASSWORD or password_file.",
        expected = "a mapping with host, port, security, username, from",
        forbidden = {"password", "a password must not be written in obligations.yaml, which is shared in git; "
                + "set $TRUCE_SMTP_PASSWORD or point password_file at a file only the alert job can read"})
public record SmtpSpec(
        @Key(doc = "The mail server's host name.", oneLine = true, expected = "expected a host name") String host,
        @Key(doc = "Default: 587 for starttls, 465 for ssl, 25 for none.", min = 1, max = 65535,
                expected = "expected a port number, 1 to 65535") Integer port,
        @Key(doc = "How the connection is secured: starttls (the default), ssl or none.",
                pattern = "starttls|ssl|none", expected = "expected starttls, ssl or none",
                schema = "{\"enum\": [\"starttls\", \"ssl\", \"none\", null]}") String security,
        @Key(doc = "The SMTP login; leave it out for a relay that needs none.", oneLine = true,
                expected = "expected the SMTP login") String username,
        @Key(doc = "The address the alerts come from.", email = true, maxLength = dev.truce.config.Emails.MAX_LENGTH)
        String from,
        @Key(name = "password_file", doc = "A file holding the SMTP password, relative to this file, readable only "
                + "by the alert job.", expected = "expected a path to a file holding the password") String passwordFile) {

    public SmtpConfig toConfig() {
        return new SmtpConfig(host, port, security, username, from, passwordFile);
    }
}
