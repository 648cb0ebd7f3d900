package dev.truce.domain.recording;

import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The obligations a news item about one deadline instant speaks of: those on a clock of their own whose enacted
 * deadline is that instant and whose outcome is not in effect. Those due within a day of it are named apart, not
 * chosen: "through 2026-11-09" and 23:59 EDT on the 9th are other deadlines, however close, and one instrument
 * rarely moves them all. Obligations that follow the truce are named apart too: they move with the truce.
 */
public record DueAtSelection(Instant dueAt, List<Obligation> selected, List<NearMiss> nearMisses,
                             List<Obligation> followTheTruce) {
    static final Duration NEAR = Duration.ofHours(24);

    /** One obligation due close to the instant but not at it. */
    public record NearMiss(Obligation obligation, Moment deadline) {
    }

    public static DueAtSelection at(Register register, Instant dueAt, Instant now) {
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        List<Obligation> selected = new ArrayList<>();
        List<NearMiss> near = new ArrayList<>();
        List<Obligation> follow = new ArrayList<>();
        ZoneId zone = register.truce().zone();
        for (Obligation o : register.obligations()) {
            if (!mayPassNear(o.deadlineChain(register.truce()), dueAt, zone)) {
                continue; // what follows would find it neither at the instant nor near it, at the cost of its status
            }
            ObligationStatus status = calculator.statusOf(o, now);
            if (status.timeline().isSettled() || status.deadlineInstant().isEmpty()) {
                continue;
            }
            Instant passes = status.deadlineInstant().get();
            boolean same = passes.equals(dueAt);
            if (o.due().type() == Due.Type.TRUCE_END) {
                if (same) {
                    follow.add(o);
                }
            } else if (same) {
                selected.add(o);
            } else if (Duration.between(passes, dueAt).abs().compareTo(NEAR) < 0) {
                near.add(new NearMiss(o, status.deadline().orElseThrow()));
            }
        }
        return new DueAtSelection(dueAt, selected, near, follow);
    }

    /**
     * Whether a deadline of {@code chain} can pass within a day of {@code dueAt}: whatever the status, the
     * deadline in force is one of the chain's moments, the original or an extension's.
     */
    private static boolean mayPassNear(Optional<DeadlineChain> chain, Instant dueAt, ZoneId zone) {
        if (chain.isEmpty()) {
            return false; // no deadline
        }
        if (near(chain.get().original(), dueAt, zone)) {
            return true;
        }
        for (Extension extension : chain.get().extensions()) {
            if (near(extension.until(), dueAt, zone)) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(Moment moment, Instant dueAt, ZoneId zone) {
        return Duration.between(moment.end(zone), dueAt).abs().compareTo(NEAR) < 0;
    }
}
