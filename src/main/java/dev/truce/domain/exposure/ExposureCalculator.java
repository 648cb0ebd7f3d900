package dev.truce.domain.exposure;

import dev.truce.domain.Duty;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.TimelineState;
import dev.truce.domain.Truce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exposure rules: what each product pays at the as-of instant, what each deadline ahead would cost if
 * that obligation lapsed, what is not known, and which export controls could cut supply. The rate each
 * obligation contributes is {@link DutyCourse}'s; a product's duty is the sum over the obligations that cover
 * it (found through a {@link CoverIndex}) and whose duty is in the product's market.
 */
public final class ExposureCalculator {
    /** Outcomes after which an export control or countermeasure no longer threatens supply. */
    private static final Set<OutcomeResult> NO_LONGER_A_RISK = Set.of(OutcomeResult.ENDED, OutcomeResult.REPLACED,
            OutcomeResult.PERMANENT, OutcomeResult.FULFILLED);

    private final Truce truce;
    private final List<Obligation> obligations;
    private final StatusCalculator statuses;
    private final Instant asOf;
    private final CoverIndex index;
    private final Set<String> successors = new HashSet<>();
    private final ObligationStatus[] status;
    private final DutyCourse[] course;

    public ExposureCalculator(Register register, Instant asOf) {
        this.truce = register.truce();
        this.obligations = register.obligations();
        this.statuses = new StatusCalculator(truce, register.alerts());
        this.asOf = asOf;
        this.index = CoverIndex.of(obligations);
        for (Obligation o : obligations) {
            if (o.outcome() != null && o.outcome().result() == OutcomeResult.REPLACED) {
                successors.addAll(o.outcome().by());
            }
        }
        this.status = new ObligationStatus[obligations.size()];
        this.course = new DutyCourse[obligations.size()];
    }

    public Instant asOf() {
        return asOf;
    }

    public ExposureReport report(List<Product> products) {
        List<Exposure> exposures = new ArrayList<>(products.size());
        for (Product product : products) {
            exposures.add(exposure(product));
        }
        int covering = (int) obligations.stream().filter(o -> !o.covers().isEmpty()).count();
        return new ExposureReport(truce, asOf, truce.zone(), exposures, ExposureTotal.of(exposures), covering);
    }

    public Exposure exposure(Product product) {
        int[] covering = index.covering(product.hts());
        List<DutyCourse> courses = new ArrayList<>();
        List<String> supplyRisk = new ArrayList<>();
        for (int i : covering) {
            Obligation o = obligations.get(i);
            if (o.duty() == null) {
                if (isRisk(statusOf(i))) {
                    supplyRisk.add(o.id());
                }
            } else if (o.duty().market().equals(product.market())) {
                courses.add(courseOf(i));
            }
        }
        Share now = Share.NONE;
        List<Exposure.DutyShare> duties = new ArrayList<>();
        List<Exposure.Unresolved> unresolved = new ArrayList<>();
        List<Exposure.Lapse> ifLapsed = new ArrayList<>();
        for (DutyCourse c : courses) {
            Share share = c.at(asOf);
            now = now.plus(share);
            ObligationStatus s = c.status();
            Duty duty = c.duty();
            duties.add(new Exposure.DutyShare(c.obligation().id(), s.timeline(),
                    share.unrecorded() ? Optional.empty() : Optional.of(share.ifKept()), duty.kept(), duty.lapsed()));
            if (s.timeline() == TimelineState.UNRESOLVED) {
                unresolved.add(new Exposure.Unresolved(c.obligation().id(), s.deadline().orElseThrow(),
                        c.deadline(), s.daysPassed().orElse(0), duty.kept(), duty.lapsed(),
                        Exposure.cost(product.value(), duty.lapsed().subtract(duty.kept()))));
            } else if (s.timeline().isOpen() && c.deadline() != null && c.outcome() == null) {
                ifLapsed.add(lapse(product, c, s, courses));
            }
        }
        ifLapsed.sort(Comparator.comparing(Exposure.Lapse::deadlineInstant).thenComparing(Exposure.Lapse::obligation));
        Optional<BigDecimal> dutyNow = now.known() ? Optional.of(now.ifKept()) : Optional.empty();
        return new Exposure(product, dutyNow, now, duties, ifLapsed, unresolved, supplyRisk);
    }

    /**
     * Right after the deadline, this one lapsed and every other holding or following its recorded outcome; one
     * whose deadline has already passed with no outcome recorded counts both ways, as it does in the duty now.
     */
    private static Exposure.Lapse lapse(Product product, DutyCourse lapsing, ObligationStatus s, List<DutyCourse> all) {
        Instant at = lapsing.deadline();
        Share duty = Share.certain(lapsing.lapsedRate());
        for (DutyCourse other : all) {
            if (other != lapsing) {
                Share then = other.at(at);
                boolean unresolvedNow = other.status().timeline() == TimelineState.UNRESOLVED;
                duty = duty.plus(unresolvedNow ? then : Share.certain(then.ifKept()));
            }
        }
        Duty rates = lapsing.duty();
        return new Exposure.Lapse(lapsing.obligation().id(), s.deadline().orElseThrow(), at, s.daysLeft().orElse(0),
                rates.kept(), rates.lapsed(), duty, Exposure.cost(product.value(), rates.lapsed().subtract(rates.kept())));
    }

    /**
     * The duty on a product over [from, to): a step at every instant a covering obligation starts, reaches its
     * deadline or has its recorded outcome take effect. Consecutive equal steps are merged.
     */
    public List<DutyStep> steps(Product product, Instant from, Instant to) {
        List<DutyCourse> courses = courses(product);
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        courses.forEach(c -> c.changes().filter(t -> t.isAfter(from) && t.isBefore(to)).forEach(changes::add));
        List<DutyStep> steps = new ArrayList<>();
        for (Instant t : changes) {
            Share duty = Share.NONE;
            for (DutyCourse c : courses) {
                duty = duty.plus(c.at(t));
            }
            DutyStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last == null || !last.duty().equals(normal(duty))) {
                steps.add(new DutyStep(t, normal(duty)));
            }
        }
        return steps;
    }

    /** The courses of the obligations with a duty in the product's market that cover it. */
    public List<DutyCourse> courses(Product product) {
        List<DutyCourse> courses = new ArrayList<>();
        for (int i : index.covering(product.hts())) {
            Duty duty = obligations.get(i).duty();
            if (duty != null && duty.market().equals(product.market())) {
                courses.add(courseOf(i));
            }
        }
        return courses;
    }

    /** 10.0 and 10 as one number, written 10: steps compare equal when their rates are. */
    private static Share normal(Share share) {
        return new Share(Amounts.plain(share.ifKept()), Amounts.plain(share.ifLapsed()), share.unrecorded());
    }

    private boolean isRisk(ObligationStatus s) {
        return !(s.timeline().isSettled() && s.outcome().map(o -> NO_LONGER_A_RISK.contains(o.result())).orElse(false));
    }

    private ObligationStatus statusOf(int i) {
        if (status[i] == null) {
            status[i] = statuses.statusOf(obligations.get(i), asOf);
        }
        return status[i];
    }

    private DutyCourse courseOf(int i) {
        if (course[i] == null) {
            Obligation o = obligations.get(i);
            course[i] = DutyCourse.of(statusOf(i), truce, successors.contains(o.id()));
        }
        return course[i];
    }

}
