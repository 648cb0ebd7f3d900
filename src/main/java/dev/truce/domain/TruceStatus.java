package dev.truce.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the truce itself stands at a moment: its end as then known, the extensions known by then, and
 * the outcome known by then ({@code settled} once it is in effect), and a reported extension beside the enacted
 * end, if one was announced by then and not enacted.
 */
public record TruceStatus(Truce truce, Moment end, Instant endInstant, LocalDate endDate, int daysLeft,
                          boolean ended, List<Extension> extensionsKnown, Optional<Outcome> outcome, boolean settled,
                          Optional<DeadlineChain.Link> reported, List<Extension> chainKnown) {
    public TruceStatus {
        extensionsKnown = List.copyOf(extensionsKnown);
        chainKnown = List.copyOf(chainKnown);
    }

    /** The end passed and nobody has recorded what happened. */
    public boolean unresolved() {
        return ended && !settled;
    }

    /**
     * The truce's timeline, read as an obligation's: the outcome's result once it is in effect (an early
     * effective settles it before the deadline), {@code unresolved} once the end passed without one, else
     * {@code active}.
     */
    public String timeline() {
        return settled ? outcome.orElseThrow().result().label() : ended ? "unresolved" : "active";
    }

    /** The end a report (not an instrument) speaks of, while the truce is not settled. */
    public Optional<Moment> reportedEnd() {
        return settled ? Optional.empty() : reported.map(DeadlineChain.Link::deadline);
    }

    /** An outcome known at the as-of instant but not yet in effect. */
    public Optional<Outcome> outcomeAhead() {
        return settled ? Optional.empty() : outcome;
    }

    /** Whole days since the end passed, in the truce zone (0 on the day); empty while it is ahead. */
    public Optional<Integer> daysPassed() {
        return Optional.of(Phrases.daysPassed(daysLeft, end)).filter(passed -> ended && passed >= 0);
    }
}
