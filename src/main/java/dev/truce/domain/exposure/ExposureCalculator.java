package dev.truce.domain.exposure;

import dev.truce.domain.Duty;
import dev.truce.domain.Kind;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.TimelineState;
import dev.truce.domain.Truce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exposure rules: what each product pays at the as-of instant, in named layers (outside the truce: the base
 * and Section 301; the truce: one layer per covering obligation), what each deadline ahead would cost if that
 * obligation lapsed, what is not known, and which export controls could cut supply. The rate each obligation
 * contributes is {@link DutyCourse}'s; the truce layer is the sum over the obligations that cover the product
 * (found through a {@link CoverIndex}), whose duty is in the product's market and applies to its origin. The
 * layers outside the truce are the product's {@link Base}: base_duty as given, or the schedule's
 * ({@link ScheduleLayers}), or none.
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
    /** The headings the truce layer counts, for each set of covering obligations (most products share one). */
    private final Map<List<Integer>, Map<String, String>> modelledBy = new HashMap<>();
    /** For each market, the first party that is not it: a product's origin when it gives none. */
    private final Map<String, String> otherParty = new HashMap<>();

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
        for (String market : truce.parties()) {
            otherParty.put(market, truce.parties().stream().filter(p -> !p.equals(market)).findFirst().orElse(market));
        }
    }

    public Instant asOf() {
        return asOf;
    }

    /** The truce layer alone: no product has a base. */
    public ExposureReport report(List<Product> products) {
        return report(products, products.stream().map(p -> Base.NOT_INCLUDED).toList(), null);
    }

    /** {@code bases}: each product's, in the same order; {@code schedule}: the revision read, or null. */
    public ExposureReport report(List<Product> products, List<Base> bases, ScheduleSource schedule) {
        if (bases.size() != products.size()) {
            throw new IllegalArgumentException(products.size() + " products, " + bases.size() + " bases");
        }
        List<Exposure> exposures = new ArrayList<>(products.size());
        Map<String, List<Exposure>> byMarket = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++) {
            Exposure e = exposure(products.get(i), bases.get(i));
            exposures.add(e);
            byMarket.computeIfAbsent(e.product().market(), m -> new ArrayList<>()).add(e);
        }
        List<ExposureTotal> totals = byMarket.entrySet().stream()
                .map(entry -> ExposureTotal.of(entry.getKey(), entry.getValue())).toList();
        int covering = (int) obligations.stream().filter(o -> !o.covers().isEmpty()).count();
        List<String> warnings = new ArrayList<>();
        if (schedule != null && exposures.stream().anyMatch(e -> e.base() instanceof Base.Scheduled)) {
            Optional.ofNullable(schedule.warningFor(ScheduleLayers.entryDate(asOf))).ifPresent(warnings::add);
        }
        return new ExposureReport(truce, asOf, truce.zone(), exposures, totals, covering, schedule, warnings);
    }

    public Exposure exposure(Product product) {
        return exposure(product, Base.NOT_INCLUDED);
    }

    public Exposure exposure(Product product, Base base) {
        String origin = originOf(product);
        int[] covering = index.covering(product.hts());
        List<DutyCourse> courses = new ArrayList<>();
        List<Integer> paying = new ArrayList<>();
        List<String> supplyRisk = new ArrayList<>();
        for (int i : covering) {
            Obligation o = obligations.get(i);
            if (o.duty() == null) {
                if (isRisk(statusOf(i))) {
                    supplyRisk.add(o.id());
                }
            } else if (pays(o.duty(), product.market(), origin)) {
                courses.add(courseOf(i));
                paying.add(i);
            }
        }
        Map<String, String> modelled = modelledBy.computeIfAbsent(paying, key -> modelled(courses));
        Share now = Share.NONE;
        List<Exposure.DutyShare> duties = new ArrayList<>();
        List<Exposure.Unresolved> unresolved = new ArrayList<>();
        List<Exposure.Lapse> ifLapsed = new ArrayList<>();
        for (DutyCourse c : courses) {
            Share share = c.at(asOf);
            now = now.plus(share);
            ObligationStatus s = c.status();
            Duty duty = c.duty();
            boolean measure = c.obligation().kind() == Kind.MEASURE;
            duties.add(new Exposure.DutyShare(c.obligation().id(), s.timeline(),
                    share.unrecorded() ? Optional.empty() : Optional.of(share.ifKept()), duty.kept(), duty.lapsed(),
                    c.obligation().hts()));
            if (s.timeline() == TimelineState.UNRESOLVED) {
                unresolved.add(new Exposure.Unresolved(c.obligation().id(), s.deadline().orElseThrow(),
                        c.deadline(), s.daysPassed().orElse(0), duty.kept(), duty.lapsed(),
                        Exposure.cost(product.value(), duty.lapsed().subtract(duty.kept())), measure));
            } else if (s.timeline().isOpen() && c.deadline() != null && c.outcome() == null) {
                Share after = lapse(c, courses);
                Share landed = sum(outside(base, c.deadline(), origin, modelled).layers()).plus(after);
                ifLapsed.add(new Exposure.Lapse(c.obligation().id(), s.deadline().orElseThrow(), c.deadline(),
                        s.daysLeft().orElse(0), duty.kept(), duty.lapsed(), after,
                        Exposure.cost(product.value(), duty.lapsed().subtract(duty.kept())), landed, measure));
            }
        }
        ifLapsed.sort(Comparator.comparing(Exposure.Lapse::deadlineInstant).thenComparing(Exposure.Lapse::obligation));
        Optional<BigDecimal> dutyNow = now.known() ? Optional.of(now.ifKept()) : Optional.empty();
        ScheduleLayers.At outside = outside(base, asOf, origin, modelled);
        return new Exposure(product, origin, base, dutyNow, now, duties, ifLapsed, unresolved, supplyRisk,
                outside.layers(), sum(outside.layers()).plus(now), outside.notCounted());
    }

    /** The layers outside the truce at an instant: base_duty as given, the schedule's, or none. */
    private static ScheduleLayers.At outside(Base base, Instant at, String origin, Map<String, String> modelled) {
        if (base instanceof Base.Given given) {
            return new ScheduleLayers.At(List.of(new Layer(Layer.Kind.BASE, "base", "base_duty, as given",
                    Share.certain(given.rate()))), List.of());
        }
        if (base instanceof Base.Scheduled scheduled) {
            return ScheduleLayers.on(scheduled, ScheduleLayers.entryDate(at), "CN".equals(origin), modelled);
        }
        return new ScheduleLayers.At(List.of(), List.of());
    }

    private static Share sum(List<Layer> layers) {
        Share total = Share.NONE;
        for (Layer layer : layers) {
            total = total.plus(layer.rate());
        }
        return total;
    }

    /** Each chapter-99 heading a covering obligation names in hts:, and the obligation: counted in the truce layer. */
    private static Map<String, String> modelled(List<DutyCourse> courses) {
        Map<String, String> modelled = new HashMap<>();
        for (DutyCourse c : courses) {
            c.obligation().hts().forEach(h -> modelled.putIfAbsent(h.strip(), c.obligation().id()));
        }
        return modelled;
    }

    /**
     * The truce layer right after the deadline, this one lapsed and every other holding or following its recorded
     * outcome; one whose deadline has already passed with no outcome recorded counts both ways, as it does now.
     */
    private static Share lapse(DutyCourse lapsing, List<DutyCourse> all) {
        Instant at = lapsing.deadline();
        Share duty = Share.certain(lapsing.lapsedRate());
        for (DutyCourse other : all) {
            if (other != lapsing) {
                Share then = other.at(at);
                boolean unresolvedNow = other.status().timeline() == TimelineState.UNRESOLVED;
                duty = duty.plus(unresolvedNow ? then : Share.certain(then.ifKept()));
            }
        }
        return duty;
    }

    /**
     * The layers of a product over [from, to): a step at every instant a covering obligation starts, reaches its
     * deadline or has its recorded outcome take effect, and at every entry day on which a heading of its schedule
     * line starts or stops applying. Consecutive equal steps are merged.
     */
    public List<LayerStep> layerSteps(Exposure exposure, Instant from, Instant to) {
        List<DutyCourse> courses = courses(exposure.product());
        Map<String, String> modelled = modelled(courses);
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        courses.forEach(c -> c.changes().filter(t -> t.isAfter(from) && t.isBefore(to)).forEach(changes::add));
        if (exposure.base() instanceof Base.Scheduled scheduled) {
            for (LocalDate day : ScheduleLayers.changes(scheduled)) {
                Instant t = day.atStartOfDay(ScheduleLayers.ENTRY_ZONE).toInstant();
                if (t.isAfter(from) && t.isBefore(to)) {
                    changes.add(t);
                }
            }
        }
        List<LayerStep> steps = new ArrayList<>();
        for (Instant t : changes) {
            Share truceLayer = Share.NONE;
            for (DutyCourse c : courses) {
                truceLayer = truceLayer.plus(c.at(t));
            }
            LayerStep step = new LayerStep(t, plain(outside(exposure.base(), t, exposure.origin(), modelled).layers()),
                    normal(truceLayer));
            LayerStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last == null || !last.sameLayers(step)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The courses of the obligations with a duty in the product's market, on goods of its origin, that cover it. */
    public List<DutyCourse> courses(Product product) {
        String origin = originOf(product);
        List<DutyCourse> courses = new ArrayList<>();
        for (int i : index.covering(product.hts())) {
            Duty duty = obligations.get(i).duty();
            if (duty != null && pays(duty, product.market(), origin)) {
                courses.add(courseOf(i));
            }
        }
        return courses;
    }

    /** The origin as given, else the first party of the truce that is not the market (the other side). */
    public String originOf(Product product) {
        if (product.origin() != null) {
            return product.origin();
        }
        return otherParty.getOrDefault(product.market(), product.market());
    }

    private boolean pays(Duty duty, String market, String origin) {
        return duty.market().equals(market) && duty.appliesTo(origin, truce.parties());
    }

    private static List<Layer> plain(List<Layer> layers) {
        return layers.stream().map(l -> new Layer(l.kind(), l.name(), l.source(), normal(l.rate()))).toList();
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
