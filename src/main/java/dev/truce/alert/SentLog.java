package dev.truce.alert;

import dev.truce.domain.ComplianceState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** What the ledger says was already sent for one truce (in the order recorded), asked per obligation and recipient. */
public final class SentLog {
    public static final SentLog EMPTY = new SentLog(List.of());

    private final Set<String> sent = new HashSet<>();
    private final Map<String, List<SentAlert>> byObligationAndRecipient = new HashMap<>();

    public SentLog(List<SentAlert> alerts) {
        for (SentAlert alert : alerts) {
            sent.add(slot(alert.key().value(), alert.recipient()));
            byObligationAndRecipient.computeIfAbsent(slot(alert.key().obligationId(), alert.recipient()),
                    k -> new java.util.ArrayList<>()).add(alert);
        }
    }

    public boolean wasSent(AlertKey key, String recipient) {
        return sent.contains(slot(key.value(), recipient));
    }

    /** When the recipient last heard anything about the obligation. */
    public Optional<Instant> lastAlert(String obligationId, String recipient) {
        return newest(obligationId, recipient, alert -> true).map(SentAlert::sentAt);
    }

    /** The deadline the recipient last heard of for the obligation (a threshold, expiry or extension alert). */
    public Optional<Instant> lastDeadline(String obligationId, String recipient) {
        return newest(obligationId, recipient, alert -> alert.key().kind().isAboutDeadline())
                .map(alert -> alert.key().deadline());
    }

    /** When the recipient was last told that this deadline passed with no outcome (first notice or reminder). */
    public Optional<Instant> lastPassedNotice(String obligationId, String recipient, Instant deadline) {
        return newest(obligationId, recipient, alert -> (alert.key().kind() == TriggerKind.EXPIRED
                || alert.key().kind() == TriggerKind.UNRESOLVED) && deadline.equals(alert.key().deadline()))
                .map(SentAlert::sentAt);
    }

    /** The compliance state the recipient last heard of for the obligation. */
    public Optional<ComplianceState> lastCompliance(String obligationId, String recipient) {
        return newest(obligationId, recipient, alert -> alert.key().kind().isAboutCompliance())
                .flatMap(alert -> dev.truce.domain.Labels.parse(ComplianceState.class, alert.key().announcedState()));
    }

    private Optional<SentAlert> newest(String obligationId, String recipient, Predicate<SentAlert> which) {
        return byObligationAndRecipient.getOrDefault(slot(obligationId, recipient), List.of()).stream()
                .filter(which)
                // the ledger lists them in the order recorded: on equal times the later one is the newer
                .reduce((older, newer) -> newer.sentAt().isBefore(older.sentAt()) ? older : newer);
    }

    private static String slot(String what, String recipient) {
        return what + "\n" + recipient;
    }
}
