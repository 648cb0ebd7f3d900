package dev.truce.app;

import dev.truce.domain.Evidence;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The entries a query kept, newest first, out of {@code total} in the file. */
public record EvidenceListing(Instant asOf, ZoneId zone, String fileLabel, List<Evidence> entries, int total) {
    public EvidenceListing {
        entries = List.copyOf(entries);
    }
}
