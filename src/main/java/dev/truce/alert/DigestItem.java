package dev.truce.alert;

import dev.truce.domain.ObligationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One obligation in a recipient's digest: where it stands, and what changed since they last heard of it. */
public record DigestItem(ObligationStatus status, List<Trigger> triggers, Optional<Instant> lastAlert) {
    public DigestItem {
        triggers = List.copyOf(triggers);
    }

    /** What it is about, for its section and the subject ({@link Topic#of}). */
    public Topic topic(int actionWithinDays) {
        return Topic.of(this, actionWithinDays);
    }
}
