package dev.truce.app;

import dev.truce.domain.ObligationStatus;
import dev.truce.domain.TruceStatus;
import java.time.Instant;
import java.util.List;

/**
 * The truce in full, as `truce show --truce` prints it: where it stands at the as-of moment (its chain, reported
 * ends, outcome), and the obligations that follow it (due: truce-end), each where it stands.
 */
public record TruceDetail(TruceStatus status, Instant asOf, List<ObligationStatus> followers) {
    public TruceDetail {
        followers = List.copyOf(followers);
    }
}
