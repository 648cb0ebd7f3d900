package dev.truce.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An original deadline and the extensions that moved it, oldest first. */
public record DeadlineChain(Moment original, List<Extension> extensions) {
    public DeadlineChain {
        Objects.requireNonNull(original, "original");
        extensions = List.copyOf(extensions);
    }

    /** The deadline in force at the end of the chain, as the file says today. */
    public Moment latest() {
        return extensions.isEmpty() ? original : extensions.get(extensions.size() - 1).until();
    }

    /**
     * The deadline as it stood at {@code asOf}: an extension counts from the start of its decided day
     * in the zone, or, when that day is unknown, from the moment the deadline it replaced passed.
     */
    public Moment asOf(Instant asOf, ZoneId zone) {
        return linkAsOf(asOf, zone).deadline();
    }

    /** The link in force at {@code asOf}: the latest one known by then (the original at the least). */
    public Link linkAsOf(Instant asOf, ZoneId zone) {
        List<Link> links = links(zone);
        Link current = links.get(0);
        for (Link link : links) {
            if (!link.knownFrom().isAfter(asOf)) {
                current = link;
            }
        }
        return current;
    }

    /** How many extensions were known at {@code asOf}. */
    public int extensionsKnownAt(Instant asOf, ZoneId zone) {
        return (int) links(zone).stream().skip(1).filter(link -> !link.knownFrom().isAfter(asOf)).count();
    }

    /** The chain as links: the original (known from the beginning of time) and each extension. */
    public List<Link> links(ZoneId zone) {
        List<Link> links = new ArrayList<>(extensions.size() + 1);
        links.add(new Link(original, null, Instant.MIN));
        Moment previous = original;
        for (Extension extension : extensions) {
            Instant knownFrom = extension.decidedDate()
                    .map(day -> day.atStartOfDay(zone).toInstant())
                    .orElse(previous.end(zone));
            links.add(new Link(extension.until(), extension, knownFrom));
            previous = extension.until();
        }
        return links;
    }

    /** One deadline of the chain; {@code extension} is null for the original. */
    public record Link(Moment deadline, Extension extension, Instant knownFrom) {
    }
}
