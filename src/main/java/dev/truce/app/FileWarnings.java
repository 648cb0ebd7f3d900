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

    static String render(TruceFile file, EntryWarning warning) {
        EntryPlaces places = file.places();
        String where = places.of(warning.owner(), warning.entry()).map(p -> p.in(file.label()))
                .orElseGet(() -> warning.owner() == null ? file.label()
                        : file.label() + ":" + file.lines().getOrDefault(warning.owner(), 1));
        return where + ": " + places.path(warning.owner(), warning.entry()) + ": " + warning.message();
    }
}
