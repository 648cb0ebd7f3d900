package dev.truce.alert;

import dev.truce.domain.Ack;
import dev.truce.domain.Compliance;
import dev.truce.domain.ComplianceRules;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Evidence;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.TimelineState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, as of a moment, what each recipient must be told, given what the ledger says they were
 * already told. Per obligation and recipient:
 * <ul>
 *   <li>threshold: days left is at or below a threshold not yet sent for the deadline in force. After a gap
 *       only the smallest threshold crossed is sent, never one alert per missed threshold;</li>
 *   <li>expired: the deadline in force passed with no outcome recorded (the first notice, once per deadline,
 *       however old); unresolved: still no outcome, again each time alerts.unresolved_every_days passed since the
 *       recipient was last told, until one is recorded or the obligation is acked;</li>
 *   <li>outcome: an outcome was recorded for a deadline the recipient had heard of: one notice;</li>
 *   <li>extended: the deadline differs from the one the recipient last heard of (thresholds re-arm, since
 *       their key holds the deadline); or, for a recipient who never heard of it, an extension became known
 *       within the news window;</li>
 *   <li>compliance: the state moved into breach-alleged, breached, disputed or at-risk (from anything else
 *       the recipient last heard of, including nothing); resolved: back to complying after an alarming state;</li>
 *   <li>stale: the newest evidence became older than stale_after_days;</li>
 *   <li>reported: an extension announced with no instrument seen, while it is news; the deadline's own alerts
 *       go on, since a report moves nothing.</li>
 * </ul>
 * Open-ended obligations have no deadline, so only compliance, stale and outcome apply; an obligation whose
 * deadline passed gets no compliance or stale news, and one whose outcome is in effect only the outcome notice.
 * An acknowledged obligation is silent while its ack holds.
 * <p>
 * A recipient's digest comes in three sections ({@link DigestSection}): what needs a person (a passed deadline with no
 * outcome, a claimed breach, a deadline within alerts.action_within_days), what is coming, and the news.
 * <p>
 * News window: an event older than {@link #newsWindowDays()} (the largest threshold, at least
 * {@value #MIN_NEWS_WINDOW_DAYS}) is history, not news. Extensions the recipient never heard of and evidence
 * going stale are announced only within that many days of happening, so the first run on an old file, or
 * after a long outage, does not flood the desk with the past. A passed deadline with no outcome is not
 * history: it waits for someone to say what happened, so it is told once and then reminded of.
 */
public final class AlertRules {
    public static final int MIN_NEWS_WINDOW_DAYS = 7;

    /**
     * The order within each section of a digest ({@link DigestSection}): what can still be acted on first (the
     * soonest deadline first, then open-ended obligations), then deadlines that passed, the most recent first.
     */
    public static final Comparator<ObligationStatus> ATTENTION_ORDER = Comparator
            .comparing((ObligationStatus s) -> !s.timeline().isOpen())
            .thenComparing(s -> !s.timeline().isOpen()
                    ? Instant.MAX.getEpochSecond() - s.deadlineInstant().orElse(Instant.MIN).getEpochSecond()
                    : s.deadlineInstant().orElse(Instant.MAX).getEpochSecond())
            .thenComparing(ObligationStatus::id);

    private final Register register;
    private final ZoneId zone;

    public AlertRules(Register register) {
        this.register = register;
        this.zone = register.truce().zone();
    }

    public int newsWindowDays() {
        return Math.max(register.alerts().largestThreshold(), MIN_NEWS_WINDOW_DAYS);
    }

    /** One digest per recipient with anything to say, recipients in order of first appearance. */
    public List<Digest> digests(List<ObligationStatus> statuses, Instant now, SentLog sent, List<Ack> acks) {
        Map<String, List<DigestItem>> byRecipient = new LinkedHashMap<>();
        for (ObligationStatus status : statuses.stream().sorted(ATTENTION_ORDER).toList()) {
            // An ack silences reminders and warnings, not the news that ends them: the outcome notice still goes.
            boolean acked = acks.stream().anyMatch(ack -> ack.silences(status, now));
            for (String recipient : Recipients.of(register.alerts(), status.obligation())) {
                List<Trigger> triggers = triggers(status, now, sent, recipient);
                if (acked) {
                    triggers.removeIf(trigger -> trigger.key().kind() != TriggerKind.OUTCOME);
                }
                List<DigestItem> items = byRecipient.computeIfAbsent(recipient, r -> new ArrayList<>());
                if (!triggers.isEmpty()) {
                    items.add(new DigestItem(status, triggers, sent.lastAlert(status.id(), recipient)));
                }
            }
        }
        List<Digest> digests = new ArrayList<>();
        int actionWithin = register.alerts().actionWithinDays();
        byRecipient.forEach((recipient, items) -> {
            if (!items.isEmpty()) {
                // by section, what needs a person first; a stable sort keeps the attention order within each
                digests.add(new Digest(recipient, items.stream()
                        .sorted(Comparator.comparing((DigestItem item) -> item.topic(actionWithin).section())).toList()));
            }
        });
        return digests;
    }

    /** What to tell one recipient about one obligation now; empty when nothing is new to them. */
    public List<Trigger> triggers(ObligationStatus status, Instant now, SentLog sent, String recipient) {
        List<Trigger> triggers = new ArrayList<>();
        if (status.timeline().isSettled() || status.outcome().isPresent() && status.timeline() == TimelineState.UNRESOLVED) {
            outcome(status, sent, recipient).ifPresent(triggers::add);
        } else if (status.isUnresolved()) {
            unresolved(status, now, sent, recipient).ifPresent(triggers::add);
            reported(status, now).ifPresent(triggers::add);
        } else {
            extended(status, now, sent, recipient).ifPresent(triggers::add);
            reported(status, now).ifPresent(triggers::add);
            threshold(status).ifPresent(triggers::add);
            compliance(status, sent, recipient).ifPresent(triggers::add);
            stale(status, now).ifPresent(triggers::add);
        }
        triggers.removeIf(trigger -> sent.wasSent(trigger.key(), recipient));
        return triggers;
    }

    /**
     * The deadline passed and nobody recorded what happened. The first notice comes with the first run after
     * it, however old the deadline (the desk must record what happened, or ack it); then one reminder once
     * alerts.unresolved_every_days have passed since the recipient was last told, in the truce's zone. A
     * reminder's key is the period of the deadline's age it falls in, so two runs never send the same one.
     */
    private Optional<Trigger> unresolved(ObligationStatus status, Instant now, SentLog sent, String recipient) {
        Instant passed = status.deadlineInstant().orElseThrow();
        int every = register.alerts().unresolvedEveryDays();
        Optional<Instant> told = sent.lastPassedNotice(status.id(), recipient, passed);
        if (told.isEmpty()) {
            return Optional.of(Trigger.of(key(status, TriggerKind.EXPIRED, null, null)));
        }
        long since = java.time.temporal.ChronoUnit.DAYS.between(told.get().atZone(zone).toLocalDate(),
                now.atZone(zone).toLocalDate());
        if (since < every) {
            return Optional.empty();
        }
        int period = status.daysPassed().orElseThrow() / every;
        return Optional.of(Trigger.of(key(status, TriggerKind.UNRESOLVED, null, "every " + every + " days #" + period)));
    }

    /** An outcome was recorded: one notice to whoever was told about the deadline. */
    private Optional<Trigger> outcome(ObligationStatus status, SentLog sent, String recipient) {
        if (status.outcome().isEmpty() || sent.lastDeadline(status.id(), recipient).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Trigger.of(new AlertKey(register.truce().id(), status.id(), TriggerKind.OUTCOME,
                status.deadlineInstant().orElse(null), null, status.outcome().get().result().label())));
    }

    private Optional<Trigger> threshold(ObligationStatus status) {
        if (!status.timeline().isOpen() || status.daysLeft().isEmpty()) {
            return Optional.empty();
        }
        int left = status.daysLeft().get();
        return register.alerts().thresholds().stream()
                .filter(t -> left <= t)
                .min(Integer::compare)
                .map(t -> Trigger.of(key(status, TriggerKind.THRESHOLD, t, null)));
    }

    private Optional<Trigger> extended(ObligationStatus status, Instant now, SentLog sent, String recipient) {
        if (status.deadlineInstant().isEmpty() || !status.timeline().isOpen()) {
            return Optional.empty();
        }
        Instant deadline = status.deadlineInstant().get();
        Optional<DeadlineChain.Link> link = currentLink(status, now);
        Optional<Instant> heardOf = sent.lastDeadline(status.id(), recipient);
        boolean moved = heardOf.isPresent() && !heardOf.get().equals(deadline);
        boolean freshExtension = heardOf.isEmpty() && link.isPresent() && link.get().extension() != null
                && isNews(link.get().knownFrom(), now);
        if (!moved && !freshExtension) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(key(status, TriggerKind.EXTENDED, null, null), null,
                link.map(DeadlineChain.Link::extension).orElse(null)));
    }

    /**
     * An extension reported and not enacted, once, while it is news. It never replaces the deadline's own alerts:
     * the thresholds and reminders of the enacted deadline go on beside it.
     */
    private Optional<Trigger> reported(ObligationStatus status, Instant now) {
        if (status.reportedDue().isEmpty() || status.reported().isEmpty()
                || !isNews(status.reported().get().knownFrom(), now)) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(key(status, TriggerKind.REPORTED, null, status.reportedDue().get().iso()), null,
                status.reported().get().extension()));
    }

    private Optional<Trigger> compliance(ObligationStatus status, SentLog sent, String recipient) {
        Compliance compliance = status.compliance();
        if (compliance.last().isEmpty() || compliance.state() == ComplianceState.UNKNOWN) {
            return Optional.empty(); // unknown is said at the top of the digest, not as a change of state
        }
        ComplianceState state = compliance.state();
        Optional<ComplianceState> heard = sent.lastCompliance(status.id(), recipient);
        Instant evidence = compliance.last().get().happened(zone);
        String detail = AlertKey.complianceDetail(state.label(), evidence);
        if (state.isAlarming() && heard.map(h -> h != state).orElse(true)) {
            return Optional.of(new Trigger(key(status, TriggerKind.COMPLIANCE, null, detail), heard.orElse(null), null));
        }
        if (state == ComplianceState.COMPLYING && heard.map(ComplianceState::isAlarming).orElse(false)) {
            return Optional.of(new Trigger(key(status, TriggerKind.RESOLVED, null, detail), heard.get(), null));
        }
        return Optional.empty();
    }

    private Optional<Trigger> stale(ObligationStatus status, Instant now) {
        Compliance compliance = status.compliance();
        if (!compliance.stale() || compliance.last().isEmpty()) {
            return Optional.empty();
        }
        Evidence newest = compliance.last().get();
        LocalDate staleFrom = ComplianceRules.staleFrom(newest.date().dateIn(zone), register.staleAfterDays());
        if (!isNews(staleFrom.atStartOfDay(zone).toInstant(), now)) {
            return Optional.empty();
        }
        return Optional.of(Trigger.of(new AlertKey(register.truce().id(), status.id(), TriggerKind.STALE, null, null,
                newest.happened(zone).toString())));
    }

    /** The link of the deadline chain in force now: it says whether an extension set the deadline, and when. */
    private Optional<DeadlineChain.Link> currentLink(ObligationStatus status, Instant now) {
        return status.obligation().deadlineChain(register.truce()).map(chain -> chain.linkAsOf(now, zone));
    }

    /** Whether something that happened at {@code when} is recent enough to announce. */
    private boolean isNews(Instant when, Instant now) {
        return !now.isBefore(when) && now.isBefore(when.atZone(zone).plusDays(newsWindowDays()).toInstant());
    }

    private AlertKey key(ObligationStatus status, TriggerKind kind, Integer threshold, String detail) {
        Instant deadline = kind == TriggerKind.COMPLIANCE || kind == TriggerKind.RESOLVED
                ? null : status.deadlineInstant().orElse(null);
        return new AlertKey(register.truce().id(), status.id(), kind, deadline, threshold, detail);
    }
}
