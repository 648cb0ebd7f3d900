package dev.truce.domain.tariff;

import java.time.LocalDate;

/**
 * The entry dates a chapter-99 heading applies to, as its own text states them: from {@code from} (inclusive)
 * until {@code until} (exclusive); null where the text sets no bound. The dates are dates of entry: the
 * instruments mean 12:01 a.m. Eastern time, so a caller looking from an instant takes the date in
 * America/New_York.
 */
public record EffectivePeriod(LocalDate from, LocalDate until) {
    public static final EffectivePeriod ALWAYS = new EffectivePeriod(null, null);

    public EffectivePeriod {
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("ends on or before it starts: " + from + " to " + until);
        }
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
    }

    public EffectivePeriod endingOn(LocalDate end) {
        return new EffectivePeriod(from, end);
    }
}
