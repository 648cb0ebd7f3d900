package dev.truce.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * What one alert is about, so that it is sent once per recipient. {@code deadline} is the instant
 * the deadline in force passes (null for compliance and staleness, which do not depend on it);
 * {@code threshold} is set for threshold alerts only; {@code detail} tells apart alerts of the same
 * kind: the compliance state and the evidence that set it, or the evidence that went stale.
 */
public record AlertKey(String truceId, String obligationId, TriggerKind kind, Instant deadline, Integer threshold,
                       String detail) {
    public AlertKey {
        Objects.requireNonNull(truceId, "truceId");
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(kind, "kind");
    }

    /** The key as one string, unique per alert: the ledger's primary key together with the recipient. */
    public String value() {
        return truceId + "/" + obligationId + "/" + kind.label() + "/" + (deadline == null ? "-" : deadline)
                + "/" + (threshold == null ? "-" : threshold) + "/" + (detail == null ? "-" : detail);
    }

    /** For compliance and resolved alerts, whose detail is "state@evidence-instant": the state announced. */
    public String announcedState() {
        int at = detail == null ? -1 : detail.indexOf('@');
        return at < 0 ? "" : detail.substring(0, at);
    }

    static String complianceDetail(String state, Instant evidence) {
        return state + "@" + evidence;
    }

    @Override
    public String toString() {
        return value();
    }
}
