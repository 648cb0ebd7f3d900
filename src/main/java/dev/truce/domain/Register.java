package dev.truce.domain;

import java.util.List;
import java.util.Optional;

/** Everything obligations.yaml says: the truce, its obligations, and how to alert about them. */
public record Register(Truce truce, AlertSettings alerts, List<Obligation> obligations, int staleAfterDays) {
    public static final int DEFAULT_STALE_AFTER_DAYS = 30;

    public Register {
        obligations = List.copyOf(obligations);
    }

    public Optional<Obligation> find(String id) {
        return obligations.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The obligation, or a bad-input error naming the closest id. */
    public Obligation require(String id) {
        return find(id).orElseThrow(() -> TruceException.badInput("no obligation '" + id + "'"
                + Suggestions.didYouMean(id, ids()) + " (truce status lists them)"));
    }

    public List<String> ids() {
        return obligations.stream().map(Obligation::id).toList();
    }
}
