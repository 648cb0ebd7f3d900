package dev.truce.app;

import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import dev.truce.domain.Register;
import java.util.List;
import java.util.Map;

/**
 * Everything the desk outputs (calendar, briefing) draw from, read once: the file as read, where
 * every obligation stands at the as-of moment, and each obligation's evidence entries in file order.
 */
public record Snapshot(TruceFile file, StatusReport report, Map<String, List<Evidence>> evidence) {
    public Snapshot {
        evidence = Map.copyOf(evidence);
    }

    public Register register() {
        return file.register();
    }
}
