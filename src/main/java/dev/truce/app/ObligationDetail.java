package dev.truce.app;

import dev.truce.domain.Ack;
import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Truce;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What `truce show` prints: the obligation, where it stands, what it is linked to (what it depends on, what
 * depends on it, what replaced it and what it replaced), and its evidence in file order (entries dated after
 * {@code asOf} included, so the view can mark them), and the ack that silences it, if any.
 */
public record ObligationDetail(Truce truce, ObligationStatus status, Instant asOf, List<Obligation> dependsOn,
                               List<Obligation> dependents, List<Obligation> replacedBy, List<Obligation> replaces,
                               List<Evidence> evidence, int staleAfterDays, EvidenceHealth health, Optional<Ack> ack) {
    public ObligationDetail {
        dependsOn = List.copyOf(dependsOn);
        dependents = List.copyOf(dependents);
        replacedBy = List.copyOf(replacedBy);
        replaces = List.copyOf(replaces);
        evidence = List.copyOf(evidence);
    }
}
