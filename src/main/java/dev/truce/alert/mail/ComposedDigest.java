package dev.truce.alert.mail;

import dev.truce.alert.Digest;

/** A digest put into words: the subject, the plain-text body and the HTML body. */
public record ComposedDigest(Digest digest, String subject, String text, String html) {
    public String recipient() {
        return digest.recipient();
    }
}
