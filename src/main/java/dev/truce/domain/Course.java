package dev.truce.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the truce and each of its obligations share: the extensions that moved a deadline (oldest first, reported
 * ones among them) and, once recorded, the outcome. The rules of both live here, once: the chain from the first
 * deadline, the outcome known at a moment, and the moment a settled deadline is read at.
 */
public record Course(List<Extension> extensions, Outcome outcome) {
    public static final Course NONE = new Course(List.of(), null);

    public Course {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** The chain of deadlines from {@code original} through each extension. */
    public DeadlineChain chainFrom(Moment original) {
        return new DeadlineChain(original, extensions);
    }

    /** This course with {@code extension} appended: the chain is the history, so nothing is replaced. */
    public Course extended(Extension extension) {
        List<Extension> longer = new ArrayList<>(extensions);
        longer.add(extension);
        return new Course(longer, outcome);
    }

    public Course withExtensions(List<Extension> replaced) {
        return new Course(replaced, outcome);
    }

    public Course settled(Outcome recorded) {
        return new Course(extensions, recorded);
    }

    /** The outcome if it is known at {@code asOf} (from the start of its decided day), else empty. */
    public Optional<Outcome> outcomeKnownAt(Instant asOf, ZoneId zone) {
        return Optional.ofNullable(outcome).filter(o -> o.isKnown(asOf, zone));
    }

    /**
     * When to read {@code chain}: at {@code asOf}, unless the outcome is in effect, which settles the deadline that
     * stood when it took effect (its effective instant, or the day it was decided when it takes effect at the
     * deadline): what ended keeps its deadline whatever extensions come later.
     */
    public Instant readAt(DeadlineChain chain, Instant asOf, ZoneId zone) {
        Optional<Outcome> known = outcomeKnownAt(asOf, zone);
        if (known.isEmpty()) {
            return asOf;
        }
        Outcome o = known.get();
        Instant at = o.effective() != null ? o.effective().start(zone) : o.decided() != null ? o.knownFrom(zone) : asOf;
        Instant frozen = at.isBefore(asOf) ? at : asOf;
        return o.inEffect(asOf, chain.asOf(frozen, zone).end(zone), zone) ? frozen : asOf;
    }
}
