package dev.truce.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of a deadline chain: on {@code decided} the deadline moved to {@code until}.
 * {@code decided} may be unknown; the chain then treats the extension as known from the moment
 * the previous deadline would have passed.
 *
 * <p>{@code reported}: an official announced it, but no instrument enacting it has been seen (a minister on
 * television, "extended to 2027-01-10"). A reported extension never moves a deadline; it annotates one. It
 * always has a {@code decided} day (the day it was reported), and its {@code until} may be a bare date where
 * the instant was not stated.
 */
public record Extension(LocalDate decided, Moment until, String source, String note, boolean reported) {
    public Extension {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(source, "source");
        if (reported && decided == null) {
            throw new IllegalArgumentException("a reported extension needs the day it was reported (decided)");
        }
    }

    /** An enacted extension: an instrument moved the deadline. */
    public Extension(LocalDate decided, Moment until, String source, String note) {
        this(decided, until, source, note, false);
    }

    public Optional<LocalDate> decidedDate() {
        return Optional.ofNullable(decided);
    }

    public boolean enacted() {
        return !reported;
    }
}
