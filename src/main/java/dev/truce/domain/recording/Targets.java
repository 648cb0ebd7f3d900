package dev.truce.domain.recording;

import dev.truce.domain.Obligation;
import java.util.List;
import java.util.Optional;

/**
 * What one news item is recorded for: the truce (or not), the obligations chosen by id and by deadline, in file
 * order, and the selection by deadline when one was asked for (its near misses are reported, not recorded).
 */
public record Targets(boolean truce, List<Obligation> obligations, Optional<DueAtSelection> byDeadline) {
    public Targets {
        obligations = List.copyOf(obligations);
    }

    public int size() {
        return obligations.size() + (truce ? 1 : 0);
    }
}
