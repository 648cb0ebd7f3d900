package dev.truce.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything obligations.yaml says about the truce: the truce, its obligations, how to alert about them,
 * when evidence goes stale, and when a person last reviewed the file (null if the file does not say).
 */
public record Register(Truce truce, AlertSettings alerts, List<Obligation> obligations, int staleAfterDays,
                       LocalDate reviewed, int reviewEveryDays) {
    public static final int DEFAULT_STALE_AFTER_DAYS = 30;
    public static final int DEFAULT_REVIEW_EVERY_DAYS = 30;

    public Register {
        obligations = List.copyOf(obligations);
    }

    public Register(Truce truce, AlertSettings alerts, List<Obligation> obligations, int staleAfterDays) {
        this(truce, alerts, obligations, staleAfterDays, null, DEFAULT_REVIEW_EVERY_DAYS);
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

    public Register withObligations(List<Obligation> replaced) {
        return new Register(truce, alerts, replaced, staleAfterDays, reviewed, reviewEveryDays);
    }

    public Register withTruce(Truce replaced) {
        return new Register(replaced, alerts, obligations, staleAfterDays, reviewed, reviewEveryDays);
    }
}
