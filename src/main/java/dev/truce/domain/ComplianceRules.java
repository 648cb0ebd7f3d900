package dev.truce.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the evidence about one obligation into a {@link ComplianceState}, as of a moment. Only
 * evidence dated at or before that moment counts. In order:
 * <ol>
 *   <li>no entries: no-evidence;</li>
 *   <li>within {@value #DISPUTE_WINDOW_DAYS} days before the newest entry, one claimant says complies and
 *       another says breaches: disputed;</li>
 *   <li>the newest entry is partial or unclear: at-risk;</li>
 *   <li>a breach claim not overtaken by a later complies backed by an act or data: breached if any such
 *       claim rests on an act or data, else breach-alleged;</li>
 *   <li>otherwise (the newest is complies): complying.</li>
 * </ol>
 * Stale: the newest entry is older than {@code staleAfterDays} calendar days in the zone.
 * Unknown: some of the obligation's entries could not be read; the tool then does not guess from the rest.
 * A purchase with a target also gets its {@link Progress}, from the newest entry that reports an amount;
 * falling behind the pace needed before the deadline makes it at-risk (unless a worse state holds).
 * Entries of the same instant keep their file order, so the later line is the newer.
 * Linear in the number of entries after one sort, because a desk's log may hold a million of them.
 */
public final class ComplianceRules {
    public static final int DISPUTE_WINDOW_DAYS = 30;

    private final Truce truce;
    private final ZoneId zone;
    private final int staleAfterDays;

    /** {@code truce}: its zone counts the days, and its start is the start of an obligation that gives none. */
    public ComplianceRules(Truce truce, int staleAfterDays) {
        this.truce = truce;
        this.zone = truce.zone();
        this.staleAfterDays = staleAfterDays;
    }

    /** The first day on which evidence of {@code newestDay} is stale: more than {@code staleAfterDays} days old. */
    public static java.time.LocalDate staleFrom(java.time.LocalDate newestDay, int staleAfterDays) {
        return newestDay.plusDays(staleAfterDays + 1L);
    }

    /** {@code evidence}: the entries of one obligation, in file order. */
    public Compliance assess(List<Evidence> evidence, Instant asOf) {
        return assess(evidence, asOf, null, false);
    }

    /**
     * As {@link #assess(List, Instant)}, for an obligation as it stands ({@code status}: its target, start
     * and deadline give the progress); {@code broken}: some of its entries could not be read.
     */
    public Compliance assess(List<Evidence> evidence, Instant asOf, ObligationStatus status, boolean broken) {
        Compliance compliance = assessEntries(evidence, asOf);
        Optional<Progress> progress = status == null ? Optional.empty() : progress(evidence, asOf, status);
        ComplianceState state = compliance.state();
        Compliance.Reason reason = compliance.reason();
        if (broken) {
            state = ComplianceState.UNKNOWN;
            reason = new Compliance.Reason("some entries of this obligation could not be read, so the rest are not "
                    + "judged alone (truce validate names them)", Optional.empty());
        } else if (progress.map(Progress::behind).orElse(false)
                && (state == ComplianceState.COMPLYING || state == ComplianceState.NO_EVIDENCE)) {
            state = ComplianceState.AT_RISK;
            reason = new Compliance.Reason("the amount reported is behind the pace needed to reach the target by the "
                    + "deadline", compliance.last());
        }
        return new Compliance(state, compliance.stale(), compliance.evidenceCount(), compliance.last(), progress, reason);
    }

    private Compliance assessEntries(List<Evidence> evidence, Instant asOf) {
        List<Dated> known = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            Instant happened = e.happened(zone); // once per entry: the sort would otherwise redo it n log n times
            if (!happened.isAfter(asOf)) {
                known.add(new Dated(happened, e));
            }
        }
        if (known.isEmpty()) {
            return Compliance.NONE;
        }
        known.sort(Comparator.comparing(Dated::happened)); // stable: same instant keeps file order
        Dated newest = known.get(known.size() - 1);
        boolean stale = !asOf.atZone(zone).toLocalDate()
                .isBefore(staleFrom(newest.happened().atZone(zone).toLocalDate(), staleAfterDays));
        Verdict verdict = state(known, newest);
        return new Compliance(verdict.state(), stale, known.size(), Optional.of(newest.evidence()), Optional.empty(),
                verdict.reason());
    }

    /** The newest reported amount as of {@code asOf}, against the target; empty without a target or an amount. */
    private Optional<Progress> progress(List<Evidence> evidence, Instant asOf, ObligationStatus status) {
        Target target = status.obligation().target();
        if (target == null) {
            return Optional.empty();
        }
        Evidence newest = null;
        Instant newestAt = null;
        for (Evidence e : evidence) {
            Instant at = e.happened(zone);
            if (e.amount() != null && !at.isAfter(asOf) && (newestAt == null || !at.isBefore(newestAt))) {
                newest = e;
                newestAt = at;
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        BigDecimal latest = newest.amount();
        LocalDate reported = newest.date().dateIn(zone);
        BigDecimal percent = latest.multiply(BigDecimal.valueOf(100)).divide(target.amount(), 1, RoundingMode.HALF_UP);
        LocalDate today = asOf.atZone(zone).toLocalDate();
        Optional<BigDecimal> needed = Optional.empty();
        Optional<BigDecimal> soFar = Optional.empty();
        if (status.timeline().isOpen() && status.dueDate().isPresent()) {
            long daysLeft = ChronoUnit.DAYS.between(today, status.dueDate().get()) + 1; // the due date is a day to buy in
            BigDecimal missing = target.amount().subtract(latest).max(BigDecimal.ZERO);
            needed = Optional.of(missing.divide(BigDecimal.valueOf(Math.max(1, daysLeft)), MathContext.DECIMAL64));
            LocalDate start = status.obligation().effectiveOr(truce).dateIn(zone);
            long elapsed = ChronoUnit.DAYS.between(start, reported) + 1;
            if (elapsed > 0) {
                soFar = Optional.of(latest.divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL64));
            }
        }
        return Optional.of(new Progress(target, latest, reported, percent, needed, soFar));
    }

    /** A state and the rule (and entry) that decided it. */
    private record Verdict(ComplianceState state, Compliance.Reason reason) {
        Verdict(ComplianceState state, String rule, Evidence entry) {
            this(state, new Compliance.Reason(rule, Optional.ofNullable(entry)));
        }
    }

    private Verdict state(List<Dated> known, Dated newest) {
        Optional<Evidence> disputing = disputed(known, newest);
        if (disputing.isPresent()) {
            return new Verdict(ComplianceState.DISPUTED, "within " + DISPUTE_WINDOW_DAYS + " days before the newest "
                    + "entry one claimant says complies and another says breaches", disputing.get());
        }
        Stance last = newest.evidence().stance();
        if (last == Stance.PARTIAL || last == Stance.UNCLEAR) {
            return new Verdict(ComplianceState.AT_RISK, "the newest entry says " + last.label(), newest.evidence());
        }
        Evidence openBreach = null;
        Evidence hardBreach = null;
        for (Dated d : known) {
            Evidence e = d.evidence();
            if (e.stance() == Stance.COMPLIES && e.basis().isHard()) {
                openBreach = null; // a complies resting on an act or data overtakes every breach claim before it
                hardBreach = null;
            } else if (e.stance() == Stance.BREACHES) {
                openBreach = e;
                hardBreach = e.basis().isHard() ? e : hardBreach;
            }
        }
        if (hardBreach != null) {
            return new Verdict(ComplianceState.BREACHED, "a breach claim resting on an act or data, not overtaken by a "
                    + "complies resting on an act or data", hardBreach);
        }
        if (openBreach != null) {
            return new Verdict(ComplianceState.BREACH_ALLEGED, "a breach claim resting on a statement or a report, not "
                    + "overtaken by a complies resting on an act or data", openBreach);
        }
        return new Verdict(ComplianceState.COMPLYING, "the newest entry says complies and no breach claim is open",
                newest.evidence());
    }

    /**
     * Some claimant says complies and a different one says breaches, both within the window before the newest entry:
     * the newest breach claim of the window, which a desk reads first; else empty.
     */
    private Optional<Evidence> disputed(List<Dated> known, Dated newest) {
        Instant windowStart = newest.happened().atZone(zone).minusDays(DISPUTE_WINDOW_DAYS).toInstant();
        Set<String> complying = new HashSet<>();
        Set<String> breaching = new HashSet<>();
        Evidence newestBreach = null;
        for (int i = known.size() - 1; i >= 0 && !known.get(i).happened().isBefore(windowStart); i--) {
            Evidence e = known.get(i).evidence();
            if (e.stance() == Stance.COMPLIES) {
                complying.add(e.claimant().toLowerCase(Locale.ROOT));
            } else if (e.stance() == Stance.BREACHES) {
                breaching.add(e.claimant().toLowerCase(Locale.ROOT));
                newestBreach = newestBreach == null ? e : newestBreach;
            }
        }
        if (complying.isEmpty() || breaching.isEmpty()) {
            return Optional.empty();
        }
        // Two different claimants exist unless both sides are the one and same claimant.
        boolean two = complying.size() > 1 || breaching.size() > 1 || !complying.equals(breaching);
        return two ? Optional.of(newestBreach) : Optional.empty();
    }

    private record Dated(Instant happened, Evidence evidence) {
    }
}
