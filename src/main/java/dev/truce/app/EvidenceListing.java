package dev.truce.app;

import dev.truce.domain.Evidence;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The entries a query kept, newest first, out of {@code total} readable in the file, and how the read went. */
public record EvidenceListing(Instant asOf, ZoneId zone, String fileLabel, List<Evidence> entries, int total,
                              EvidenceHealth health) {
    public EvidenceListing {
        entries = List.copyOf(entries);
    }
}
