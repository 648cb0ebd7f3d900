package dev.truce.app;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.Kind;
import dev.truce.domain.ObligationStatus;
import java.util.function.Predicate;

/** Which obligations a status listing keeps; null fields keep everything. */
public record StatusFilter(Integer withinDays, String party, Kind kind, ComplianceState compliance)
        implements Predicate<ObligationStatus> {
    public static final StatusFilter ALL = new StatusFilter(null, null, null, null);

    @Override
    public boolean test(ObligationStatus status) {
        return (withinDays == null || status.isDueWithin(withinDays))
                && (party == null || party.equals(status.obligation().party()))
                && (kind == null || kind == status.obligation().kind())
                && (compliance == null || compliance == status.compliance().state());
    }
}
