package dev.truce.app;

import dev.truce.domain.Ack;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.TruceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What `truce status` shows: the truce line and one row per obligation kept by the filter, soonest
 * first; {@code staleAfterDays} is the age past which a row's newest evidence counts as stale;
 * {@code evidence} says how the read of the evidence file went; {@code reviewed} when a person last
 * reviewed the file, and whether that is overdue; {@code acks} the ack in force for each acked row;
 * {@code fileWarnings} what obligations.yaml says that a desk would not mean (a decided day in the future, ...), at
 * the clock's today whatever the as-of moment; {@code ownedObligations} how many obligations of the whole file have
 * an owner (so `--mine` can say so when none is yours).
 */
public record StatusReport(Instant asOf, ZoneId zone, TruceStatus truce, List<ObligationStatus> rows, int total,
                           int staleAfterDays, EvidenceHealth evidence, Review review, Map<String, Ack> acks,
                           List<String> fileWarnings, int ownedObligations) {
    public StatusReport {
        rows = List.copyOf(rows);
        acks = Map.copyOf(acks);
        fileWarnings = List.copyOf(fileWarnings);
    }

    /** The ack that silences this obligation at the as-of moment, if any. */
    public Optional<Ack> ackOf(String obligationId) {
        return Optional.ofNullable(acks.get(obligationId));
    }

    /** When the file was last reviewed against the sources, and whether that is longer ago than it should be. */
    public record Review(String file, Optional<LocalDate> reviewed, int everyDays, boolean overdue, long daysAgo) {
        static Review of(String file, Register register, Instant asOf, ZoneId zone) {
            if (register.reviewed() == null) {
                return new Review(file, Optional.empty(), register.reviewEveryDays(), false, 0);
            }
            long ago = java.time.temporal.ChronoUnit.DAYS.between(register.reviewed(), asOf.atZone(zone).toLocalDate());
            return new Review(file, Optional.of(register.reviewed()), register.reviewEveryDays(),
                    ago > register.reviewEveryDays(), ago);
        }
    }
}
