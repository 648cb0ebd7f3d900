package dev.truce.app;

import dev.truce.config.EntryPlaces;
import dev.truce.config.TruceFile;
import dev.truce.domain.recording.EntryWarning;
import dev.truce.domain.recording.EntryWarnings;
import java.time.Instant;
import java.util.List;

/**
 * The warnings of obligations.yaml at its places: {@code obligations.yaml:412:18: obligations[27]
 * (cn-port-fees-suspension).extensions[0].decided: ...}. "Today" is the clock's, never an --as-of replay.
 */
public final class FileWarnings {
    private FileWarnings() {
    }

    public static List<String> of(TruceFile file, Instant now) {
        return EntryWarnings.of(file.register(), now).stream().map(w -> render(file, w)).toList();
    }

    /** The same, and the evidence entries dated after today, which `evidence add` would have refused. */
    public static List<String> of(TruceFile file, EvidenceHealth evidence, Instant now) {
        java.time.ZoneId zone = file.register().truce().zone();
        Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        List<String> all = new java.util.ArrayList<>(of(file, now));
        all.addAll(evidence.read().datedAfter(evidence.label(), tomorrow, zone));
        return all;
    }

    static String render(TruceFile file, EntryWarning warning) {
        EntryPlaces places = file.places();
        String where = places.of(warning.owner(), warning.entry()).map(p -> p.in(file.label()))
                .orElseGet(() -> warning.owner() == null ? file.label()
                        : file.label() + ":" + file.lines().getOrDefault(warning.owner(), 1));
        return where + ": " + places.path(warning.owner(), warning.entry()) + ": " + warning.message();
    }
}
