package dev.truce.app;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.Kind;
import dev.truce.domain.ObligationStatus;
import java.util.function.Predicate;

/** Which obligations a status listing keeps; null fields keep everything. */
public record StatusFilter(Integer withinDays, String party, Kind kind, ComplianceState compliance)
        implements Predicate<ObligationStatus> {
    public static final StatusFilter ALL = new StatusFilter(null, null, null, null);

    /**
     * This filter with its party spelled as the truce spells it (case does not matter), or a
     * bad-input error naming the flag and the closest party.
     */
    public StatusFilter forParties(java.util.List<String> parties) {
        if (party == null) {
            return this;
        }
        java.util.List<String> allowed = new java.util.ArrayList<>(parties);
        allowed.add(dev.truce.domain.Obligation.JOINT);
        return allowed.stream().filter(p -> p.equalsIgnoreCase(party)).findFirst()
                .map(p -> new StatusFilter(withinDays, p, kind, compliance))
                .orElseThrow(() -> dev.truce.domain.TruceException.badInput("--party: '" + party
                        + "' is not a party of this truce (expected one of " + String.join(", ", allowed) + ")"
                        + dev.truce.domain.Suggestions.didYouMean(party, allowed)));
    }

    @Override
    public boolean test(ObligationStatus status) {
        return keepsDeadline(status) && keepsCompliance(status);
    }

    /** The conditions that need no evidence: days left, party, kind. */
    public boolean keepsDeadline(ObligationStatus status) {
        return (withinDays == null || status.isDueWithin(withinDays))
                && (party == null || party.equals(status.obligation().party()))
                && (kind == null || kind == status.obligation().kind());
    }

    public boolean keepsCompliance(ObligationStatus status) {
        return compliance == null || compliance == status.compliance().state();
    }
}
