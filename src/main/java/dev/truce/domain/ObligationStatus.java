package dev.truce.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where one obligation stands at a moment. {@code deadline} is empty for an open-ended obligation;
 * {@code daysLeft} counts calendar days in the truce zone from the as-of date to the due date.
 */
public record ObligationStatus(Obligation obligation, Optional<Moment> deadline, Optional<Instant> deadlineInstant,
                               Optional<LocalDate> dueDate, Optional<Integer> daysLeft, TimelineState timeline,
                               int extensionsKnown, Compliance compliance) {

    public String id() {
        return obligation.id();
    }

    public ObligationStatus withCompliance(Compliance assessed) {
        return new ObligationStatus(obligation, deadline, deadlineInstant, dueDate, daysLeft, timeline, extensionsKnown,
                assessed);
    }

    public boolean isDueWithin(int days) {
        return daysLeft.map(left -> left <= days).orElse(false);
    }
}
