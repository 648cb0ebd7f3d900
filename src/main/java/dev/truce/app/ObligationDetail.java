package dev.truce.app;

import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Truce;
import java.time.Instant;
import java.util.List;

/**
 * What `truce show` prints: the obligation, where it stands, what it is linked to, and its evidence
 * in file order (entries dated after {@code asOf} included, so the view can mark them).
 */
public record ObligationDetail(Truce truce, ObligationStatus status, Instant asOf, List<Obligation> dependsOn,
                               List<Obligation> dependents, List<Evidence> evidence, int staleAfterDays) {
    public ObligationDetail {
        dependsOn = List.copyOf(dependsOn);
        dependents = List.copyOf(dependents);
        evidence = List.copyOf(evidence);
    }
}
