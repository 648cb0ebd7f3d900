package dev.truce.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone on the desk saying "we know" about an obligation. It silences the obligation's alerts until
 * {@code untilDate} is over (when given), and in any case only while the obligation keeps the compliance
 * state and deadline it had when acknowledged: news lifts it. Acks are never deleted: they are the audit trail.
 *
 * @param until    the instant the ack ends (the end of {@code untilDate} in the truce zone), or null
 * @param deadline the deadline in force when acknowledged, or null for an open-ended obligation
 */
public record Ack(String truceId, String obligationId, Instant ackedAt, String by, String reason, LocalDate untilDate,
                  Instant until, ComplianceState state, Instant deadline) implements AckEntry {
    public Ack {
        Objects.requireNonNull(truceId, "truceId");
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(ackedAt, "ackedAt");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public Instant at() {
        return ackedAt;
    }

    /** Why this ack no longer silences the obligation, or empty while it does (a lift aside: see {@link Acks}). */
    public Optional<String> liftedBy(ObligationStatus status, Instant now) {
        if (until != null && !now.isBefore(until)) {
            return Optional.of("expired " + untilDate);
        }
        if (status.compliance().state() != state) {
            return Optional.of("compliance changed to " + status.compliance().state().label());
        }
        if (!Objects.equals(status.deadlineInstant().orElse(null), deadline)) {
            return Optional.of("deadline moved");
        }
        return Optional.empty();
    }

    /** "acked by ana on 2026-06-23, through 2026-07-15 or until its compliance or deadline changes: reason". */
    public String summary(java.time.ZoneId zone) {
        return "acked by " + by + " on " + ackedAt.atZone(zone).toLocalDate() + ", "
                + (untilDate == null ? "until its compliance or deadline changes" : "through " + untilDate
                        + " or until its compliance or deadline changes") + ": " + reason;
    }

    public boolean silences(ObligationStatus status, Instant now) {
        return status.id().equals(obligationId) && liftedBy(status, now).isEmpty();
    }
}
