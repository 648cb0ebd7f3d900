package dev.truce.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

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
 */
public final class ComplianceRules {
    public static final int DISPUTE_WINDOW_DAYS = 30;

    private final ZoneId zone;
    private final int staleAfterDays;

    public ComplianceRules(ZoneId zone, int staleAfterDays) {
        this.zone = zone;
        this.staleAfterDays = staleAfterDays;
    }

    /** {@code evidence}: the entries of one obligation, in file order. */
    public Compliance assess(List<Evidence> evidence, Instant asOf) {
        List<Evidence> known = evidence.stream()
                .filter(e -> !e.happened(zone).isAfter(asOf))
                .sorted(Comparator.comparing(e -> e.happened(zone))) // stable: same day keeps file order
                .toList();
        if (known.isEmpty()) {
            return Compliance.NONE;
        }
        Evidence newest = known.get(known.size() - 1);
        long age = ChronoUnit.DAYS.between(newest.happened(zone).atZone(zone).toLocalDate(), asOf.atZone(zone).toLocalDate());
        return new Compliance(state(known, newest), age > staleAfterDays, known.size(), java.util.Optional.of(newest));
    }

    private ComplianceState state(List<Evidence> known, Evidence newest) {
        if (disputed(known, newest)) {
            return ComplianceState.DISPUTED;
        }
        if (newest.stance() == Stance.PARTIAL || newest.stance() == Stance.UNCLEAR) {
            return ComplianceState.AT_RISK;
        }
        int lastHardCompliance = -1;
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i).stance() == Stance.COMPLIES && known.get(i).basis().isHard()) {
                lastHardCompliance = i;
            }
        }
        List<Evidence> openBreaches = known.subList(lastHardCompliance + 1, known.size()).stream()
                .filter(e -> e.stance() == Stance.BREACHES).toList();
        if (!openBreaches.isEmpty()) {
            return openBreaches.stream().anyMatch(e -> e.basis().isHard())
                    ? ComplianceState.BREACHED : ComplianceState.BREACH_ALLEGED;
        }
        return ComplianceState.COMPLYING;
    }

    private boolean disputed(List<Evidence> known, Evidence newest) {
        Instant windowStart = newest.happened(zone).atZone(zone).minusDays(DISPUTE_WINDOW_DAYS).toInstant();
        List<Evidence> recent = known.stream().filter(e -> !e.happened(zone).isBefore(windowStart)).toList();
        for (Evidence complies : recent) {
            if (complies.stance() != Stance.COMPLIES) {
                continue;
            }
            for (Evidence breaches : recent) {
                if (breaches.stance() == Stance.BREACHES && !breaches.claimant().equalsIgnoreCase(complies.claimant())) {
                    return true;
                }
            }
        }
        return false;
    }
}
