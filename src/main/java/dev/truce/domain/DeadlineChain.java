package dev.truce.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An original deadline and the extensions that moved it, oldest first. Only enacted extensions move the
 * deadline; a reported one (announced, no instrument seen) is kept in the chain as an annotation and as
 * history, and {@link #reportedAsOf} tells whether one stands beside the enacted deadline.
 */
public record DeadlineChain(Moment original, List<Extension> extensions) {
    public DeadlineChain {
        java.util.Objects.requireNonNull(original, "original");
        extensions = List.copyOf(extensions);
    }

    /** The enacted deadline at the end of the chain, as the file says today. */
    public Moment latest() {
        Moment latest = original;
        for (Extension extension : extensions) {
            if (extension.enacted()) {
                latest = extension.until();
            }
        }
        return latest;
    }

    /**
     * The enacted deadline as it stood at {@code asOf}: an extension counts from the start of its decided day
     * in the zone, or, when that day is unknown, from the moment the deadline it replaced passed.
     */
    public Moment asOf(Instant asOf, ZoneId zone) {
        return linkAsOf(asOf, zone).deadline();
    }

    /** The enacted link in force at {@code asOf}: the latest one known by then (the original at the least). */
    public Link linkAsOf(Instant asOf, ZoneId zone) {
        Link current = null;
        for (Link link : links(zone)) {
            if (!link.reported() && !link.knownFrom().isAfter(asOf)) {
                current = link;
            }
        }
        return current;
    }

    /**
     * The report that stands beside the enacted deadline at {@code asOf}: the latest reported extension known by
     * then, unless an enacted extension written after it is known by then too (the instrument came: the report is
     * history), and only while its deadline is later than the enacted one in force.
     */
    public Optional<Link> reportedAsOf(Instant asOf, ZoneId zone) {
        Link enacted = linkAsOf(asOf, zone);
        Link report = null;
        for (Link link : links(zone)) {
            if (link.knownFrom().isAfter(asOf)) {
                continue;
            }
            if (link.reported()) {
                report = link;
            } else if (link.extension() != null) {
                report = null;
            }
        }
        return Optional.ofNullable(report)
                .filter(r -> r.deadline().end(zone).isAfter(enacted.deadline().end(zone)));
    }

    /** How many enacted extensions were known at {@code asOf}. */
    public int extensionsKnownAt(Instant asOf, ZoneId zone) {
        return (int) links(zone).stream().skip(1)
                .filter(link -> !link.reported() && !link.knownFrom().isAfter(asOf)).count();
    }

    /** Every extension known at {@code asOf}, reported ones included, oldest first. */
    public List<Extension> knownAt(Instant asOf, ZoneId zone) {
        return links(zone).stream().skip(1).filter(link -> !link.knownFrom().isAfter(asOf)).map(Link::extension).toList();
    }

    /** The enacted extensions known at {@code asOf}, oldest first. */
    public List<Extension> enactedKnownAt(Instant asOf, ZoneId zone) {
        return links(zone).stream().skip(1).filter(link -> !link.reported() && !link.knownFrom().isAfter(asOf))
                .map(Link::extension).toList();
    }

    /**
     * The chain as links: the original (known from the beginning of time) and each extension, reported ones
     * included. An enacted extension with no decided day counts from the passing of the enacted deadline
     * before it; a reported one always has its day.
     */
    public List<Link> links(ZoneId zone) {
        List<Link> links = new ArrayList<>(extensions.size() + 1);
        links.add(new Link(original, null, Instant.MIN));
        Moment previous = original;
        for (Extension extension : extensions) {
            Moment before = previous;
            Instant knownFrom = extension.decidedDate()
                    .map(day -> day.atStartOfDay(zone).toInstant())
                    .orElseGet(() -> before.end(zone));
            links.add(new Link(extension.until(), extension, knownFrom));
            if (extension.enacted()) {
                previous = extension.until();
            }
        }
        return links;
    }

    /** One deadline of the chain; {@code extension} is null for the original. */
    public record Link(Moment deadline, Extension extension, Instant knownFrom) {
        /** Announced without an instrument: it annotates the deadline, never moves it. */
        public boolean reported() {
            return extension != null && extension.reported();
        }
    }
}
