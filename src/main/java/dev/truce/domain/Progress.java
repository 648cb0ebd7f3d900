package dev.truce.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How far a purchase commitment has come: the newest cumulative figure reported, its share of the
 * target, and the daily pace still needed to reach the target by the deadline against the pace so far.
 * The paces are empty where they mean nothing (the deadline passed; no day has gone by yet).
 */
public record Progress(Target target, BigDecimal latest, LocalDate reportedOn, BigDecimal percent,
                       Optional<BigDecimal> neededPerDay, Optional<BigDecimal> soFarPerDay) {

    public boolean reached() {
        return latest.compareTo(target.amount()) >= 0;
    }

    /** Falling behind: the pace still needed is above the pace so far. */
    public boolean behind() {
        return !reached() && neededPerDay.isPresent() && soFarPerDay.isPresent()
                && neededPerDay.get().compareTo(soFarPerDay.get()) > 0;
    }
}
