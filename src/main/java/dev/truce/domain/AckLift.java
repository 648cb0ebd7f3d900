package dev.truce.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone on the desk ending the ack of an obligation before news would: from {@code liftedAt} on, no ack given
 * before it silences the obligation (an ack given later does). Kept for good, like the acks.
 *
 * @param reason why, or null
 */
public record AckLift(String obligationId, Instant liftedAt, String by, String reason) implements AckEntry {
    public AckLift {
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(liftedAt, "liftedAt");
        Objects.requireNonNull(by, "by");
    }

    @Override
    public Instant at() {
        return liftedAt;
    }
}
