package dev.truce.alert;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.Labels;
import dev.truce.domain.ObligationStatus;

/**
 * What an item of a digest is about, as its section and the subject's counts see it; in the order the subject
 * counts them, so the first topic of an item's triggers is the one it is counted and placed by. An obligation is
 * one card in one section, with every change it has to tell: a deadline due tomorrow whose evidence also went
 * stale is action needed, and says both.
 */
public enum Topic {
    /** The deadline passed and no outcome is recorded: the first notice or a reminder. */
    NEEDS_OUTCOME(DigestSection.ACTION),
    /** The compliance state moved into breach-alleged or breached: someone claims a breach. */
    BREACH_CLAIMED(DigestSection.ACTION),
    /** The deadline is within alerts.action_within_days, whatever else is said about it. */
    DUE_SOON(DigestSection.ACTION),
    /** A threshold crossed further out. */
    DUE(DigestSection.COMING_UP),
    /** The evidence puts the obligation at risk (partial, unclear, a purchase behind pace). */
    AT_RISK(DigestSection.COMING_UP),
    /** Claimants disagree: one says complies, another breaches. */
    DISPUTED(DigestSection.COMING_UP),
    EXTENDED(DigestSection.INFORMATION),
    /** An extension announced, not enacted: the deadline stands. */
    REPORTED(DigestSection.INFORMATION),
    OUTCOME(DigestSection.INFORMATION),
    /** Complying again after an alarming state. */
    RESOLVED(DigestSection.INFORMATION),
    /** The newest evidence became old: nothing changed in the world, the record did not keep up. */
    STALE(DigestSection.INFORMATION);

    private final DigestSection section;

    Topic(DigestSection section) {
        this.section = section;
    }

    public DigestSection section() {
        return section;
    }

    /** The item's topic: the first of its triggers', or due soon when its deadline is within {@code actionWithinDays}. */
    public static Topic of(DigestItem item, int actionWithinDays) {
        Topic topic = item.status().isDueWithin(actionWithinDays) ? DUE_SOON : STALE;
        for (Trigger trigger : item.triggers()) {
            Topic of = of(trigger, item.status(), actionWithinDays);
            topic = of.compareTo(topic) < 0 ? of : topic;
        }
        return topic;
    }

    static Topic of(Trigger trigger, ObligationStatus status, int actionWithinDays) {
        return switch (trigger.kind()) {
            case EXPIRED, UNRESOLVED -> NEEDS_OUTCOME;
            case THRESHOLD -> status.isDueWithin(actionWithinDays) ? DUE_SOON : DUE;
            case COMPLIANCE -> switch (Labels.parse(ComplianceState.class, trigger.key().announcedState())
                    .orElse(status.compliance().state())) {
                case BREACHED, BREACH_ALLEGED -> BREACH_CLAIMED;
                case DISPUTED -> DISPUTED;
                default -> AT_RISK;
            };
            case EXTENDED -> EXTENDED;
            case REPORTED -> REPORTED;
            case OUTCOME -> OUTCOME;
            case RESOLVED -> RESOLVED;
            case STALE -> STALE;
        };
    }
}
