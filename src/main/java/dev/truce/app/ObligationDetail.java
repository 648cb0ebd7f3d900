package dev.truce.app;

import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Truce;
import java.time.Instant;
import java.util.List;

/** What `truce show` prints: the obligation, where it stands, and what it is linked to. */
public record ObligationDetail(Truce truce, ObligationStatus status, Instant asOf, List<Obligation> dependsOn,
                               List<Obligation> dependents) {
    public ObligationDetail {
        dependsOn = List.copyOf(dependsOn);
        dependents = List.copyOf(dependents);
    }
}
