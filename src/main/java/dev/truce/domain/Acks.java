package dev.truce.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every ack given and lifted for a truce, in the order written, and the rule of which holds: an ack silences its
 * obligation from when it was given while {@link Ack#liftedBy} finds no news (its day is not over, its compliance
 * state and deadline are as they were), and until a lift of the same obligation written after it. An
 * obligation named in {@code unreadable} (its entries include one that cannot be read: perhaps a lift) has no
 * ack in force: a broken entry is never honoured, and never lets an ack it might have lifted stand. When a broken
 * part cannot be tied to any obligation ({@code unattributed}), no ack is in force at all.
 *
 * <p>"Written after" is by time, and within one second by order in the file (the file merges from several
 * clones, so the file's order alone says nothing across them).
 */
public record Acks(List<AckEntry> entries, Set<String> unreadable, boolean unattributed) {
    public static final Acks NONE = new Acks(List.of(), Set.of());

    public Acks {
        entries = List.copyOf(entries);
        unreadable = Set.copyOf(unreadable);
    }

    public Acks(List<AckEntry> entries, Set<String> unreadable) {
        this(entries, unreadable, false);
    }

    /** Whether a broken entry may concern the obligation, so that none of its acks may be honoured. */
    public boolean unreadable(String obligationId) {
        return unattributed || unreadable.contains(obligationId);
    }

    /** The acks given, in the order written. */
    public List<Ack> given() {
        return entries.stream().filter(Ack.class::isInstance).map(Ack.class::cast).toList();
    }

    /** These and {@code more} after them (acks not yet in the file: the ledger's, before they are carried over). */
    public Acks plus(List<? extends AckEntry> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<AckEntry> all = new ArrayList<>(entries);
        all.addAll(more);
        return new Acks(all, unreadable, unattributed);
    }

    /** The first lift of the ack's obligation written after it, among those written by {@code now}. */
    public Optional<AckLift> liftOf(Ack ack, Instant now) {
        int index = entries.indexOf(ack);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof AckLift lift && lift.obligationId().equals(ack.obligationId())
                    && !lift.liftedAt().isAfter(now) && after(lift, i, ack, index)) {
                return Optional.of(lift);
            }
        }
        return Optional.empty();
    }

    private static boolean after(AckLift lift, int liftIndex, Ack ack, int ackIndex) {
        int byTime = lift.liftedAt().compareTo(ack.ackedAt());
        return byTime > 0 || byTime == 0 && liftIndex > ackIndex;
    }

    /** Why {@code ack} does not silence its obligation at {@code now}, or empty while it does. */
    public Optional<String> liftedBy(Ack ack, ObligationStatus status, Instant now, ZoneId zone) {
        if (unreadable(ack.obligationId())) {
            return Optional.of(unreadable.contains(ack.obligationId()) ? "not honoured: an entry for it cannot be read"
                    : "not honoured: an entry of the file cannot be read");
        }
        Optional<AckLift> lift = liftOf(ack, now);
        if (lift.isPresent()) {
            return Optional.of("lifted by " + lift.get().by() + " on " + lift.get().liftedAt().atZone(zone).toLocalDate());
        }
        return ack.liftedBy(status, now);
    }

    /** The newest ack that silences each obligation at {@code asOf}, among those given by then. */
    public Map<String, Ack> inForce(List<ObligationStatus> statuses, Instant asOf) {
        Map<String, Ack> inForce = new HashMap<>();
        List<Ack> given = given();
        for (ObligationStatus status : statuses) {
            Ack newest = null;
            for (Ack ack : given) {
                if (ack.obligationId().equals(status.id()) && !ack.ackedAt().isAfter(asOf) && silences(ack, status, asOf)
                        && (newest == null || !ack.ackedAt().isBefore(newest.ackedAt()))) {
                    newest = ack;
                }
            }
            if (newest != null) {
                inForce.put(status.id(), newest);
            }
        }
        return inForce;
    }

    private boolean silences(Ack ack, ObligationStatus status, Instant now) {
        return !unreadable(ack.obligationId()) && liftOf(ack, now).isEmpty() && ack.silences(status, now);
    }
}
