package dev.truce.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of a deadline chain: on {@code decided} the deadline moved to {@code until}.
 * {@code decided} may be unknown; the chain then treats the extension as known from the moment
 * the previous deadline would have passed.
 */
public record Extension(LocalDate decided, Moment until, String source, String note) implements Serializable {
    public Extension {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(source, "source");
    }

    public Optional<LocalDate> decidedDate() {
        return Optional.ofNullable(decided);
    }
}
