package dev.truce.alert;

import java.time.Instant;

/** One line of the ledger: an alert the SMTP server accepted for a recipient. */
public record SentAlert(AlertKey key, String recipient, Instant sentAt, String messageId) {
}
