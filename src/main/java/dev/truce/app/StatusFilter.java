package dev.truce.app;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.Kind;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Products;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TimelineState;
import dev.truce.domain.TruceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which obligations a status listing keeps; null (or empty) fields keep everything. {@code withinDays}: due
 * within that many days; {@code overdue}: with it, also those whose deadline passed with no outcome recorded.
 * {@code owner}: a name or an address (any case). {@code hts}: codes whose products the obligation covers,
 * a prefix matching in either direction (8505 matches a covers of 8505.11, and 8505.11.0070 one of 8505.11).
 * {@code timelines}: where it stands (unresolved, due-soon, ended, ...), any of them.
 */
public record StatusFilter(Integer withinDays, boolean overdue, String party, Kind kind, ComplianceState compliance,
                           String owner, List<String> hts, Set<TimelineState> timelines)
        implements Predicate<ObligationStatus> {
    public static final StatusFilter ALL = new StatusFilter(null, false, null, null, null, null, List.of(), Set.of());

    public StatusFilter {
        hts = hts == null ? List.of() : List.copyOf(hts);
        timelines = timelines == null ? Set.of() : Set.copyOf(timelines);
    }

    public StatusFilter(Integer withinDays, boolean overdue, String party, Kind kind, ComplianceState compliance) {
        this(withinDays, overdue, party, kind, compliance, null, List.of(), Set.of());
    }

    /**
     * This filter with its party spelled as the truce spells it (case does not matter), or a
     * bad-input error naming the flag and the closest party.
     */
    public StatusFilter forParties(List<String> parties) {
        if (party == null) {
            return this;
        }
        List<String> allowed = new ArrayList<>(parties);
        allowed.add(Obligation.JOINT);
        return allowed.stream().filter(p -> p.equalsIgnoreCase(party)).findFirst()
                .map(p -> new StatusFilter(withinDays, overdue, p, kind, compliance, owner, hts, timelines))
                .orElseThrow(() -> TruceException.badInput("--party: '" + party
                        + "' is not a party of this truce (expected one of " + String.join(", ", allowed) + ")"
                        + Suggestions.didYouMean(party, allowed)));
    }

    @Override
    public boolean test(ObligationStatus status) {
        return keepsDeadline(status) && keepsCompliance(status);
    }

    /** The conditions that need no evidence: days left, party, kind, owner, products. */
    public boolean keepsDeadline(ObligationStatus status) {
        Obligation o = status.obligation();
        return (withinDays == null || status.isDueWithin(withinDays) || overdue && status.isUnresolved())
                && (timelines.isEmpty() || timelines.contains(status.timeline()))
                && (party == null || party.equals(o.party()))
                && (kind == null || kind == o.kind())
                && (owner == null || o.owner() != null && o.owner().matches(owner))
                && (hts.isEmpty() || hts.stream().anyMatch(code -> Products.related(o.covers(), code)));
    }

    public boolean keepsCompliance(ObligationStatus status) {
        return compliance == null || compliance == status.compliance().state();
    }
}
