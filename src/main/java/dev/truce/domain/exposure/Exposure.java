package dev.truce.domain.exposure;

import dev.truce.domain.Moment;
import dev.truce.domain.TimelineState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one product pays and risks at the as-of instant. Rates are ad valorem duties in percent of the customs
 * value; costs are in the product's currency a year, rounded to cents, and null when the product has no value.
 * The truce layer ({@code dutyNow}, {@code now}, {@code duties}) keeps its meaning: the additional duty the
 * obligations hold down. The landed duty adds the layers outside the truce ({@code outside}: the base and Section
 * 301, from base_duty or the schedule), when the product has them ({@link Base#included()}).
 *
 * @param origin     where the goods come from: as given, else the truce's other party
 * @param dutyNow    the truce layer: what the covering obligations contribute; empty when an outcome that
 *                   changes it is not recorded (then {@code now} holds both possible duties)
 * @param now        the truce layer as if every unresolved obligation was kept, and as if every one lapsed
 * @param duties     each covering obligation with a duty in the product's market, and what it contributes now
 * @param ifLapsed   each covering obligation with a deadline ahead and no outcome recorded, soonest first
 * @param unresolved each covering obligation whose deadline passed with no outcome recorded
 * @param supplyRisk the ids of the covering obligations with no duty (export controls, countermeasures) that
 *                   have not ended, been replaced or made permanent
 * @param outside    the layers outside the truce now, base first (empty when the base is not included)
 * @param landedNow  the outside layers plus the truce layer
 * @param notCounted what the schedule says of this product that no layer counts (a specific rate, an exclusion)
 */
public record Exposure(Product product, String origin, Base base, Optional<BigDecimal> dutyNow, Share now,
                       List<DutyShare> duties, List<Lapse> ifLapsed, List<Unresolved> unresolved,
                       List<String> supplyRisk, List<Layer> outside, Share landedNow, List<String> notCounted) {
    public Exposure {
        duties = List.copyOf(duties);
        ifLapsed = List.copyOf(ifLapsed);
        unresolved = List.copyOf(unresolved);
        supplyRisk = List.copyOf(supplyRisk);
        outside = List.copyOf(outside);
        notCounted = List.copyOf(notCounted);
    }

    /**
     * One obligation's part of the duty now; {@code rate} is empty when its outcome is not recorded.
     * {@code headings}: the chapter-99 headings its instruments name (its hts:), the source of its layer.
     */
    public record DutyShare(String obligation, TimelineState timeline, Optional<BigDecimal> rate, BigDecimal kept,
                            BigDecimal lapsed, List<String> headings) {
        public DutyShare {
            headings = List.copyOf(headings);
        }
    }

    /**
     * A deadline ahead: {@code duty} is the truce layer right after it if this obligation lapses and every other
     * covering obligation holds (or follows the outcome recorded for it); where another one's deadline passed with
     * no outcome recorded, that duty is one of two ({@link Share#ifKept} and {@link Share#ifLapsed}), never a
     * guess. {@code landed} adds the layers outside the truce on that date. {@code extraCost} is value × (lapsed −
     * kept) / 100 a year, negative when a lapse lowers the duty (a measure that runs out).
     * {@code measure}: the obligation is a dated measure, whose end is said "runs out" rather than "lapses".
     */
    public record Lapse(String obligation, Moment deadline, Instant deadlineInstant, int daysLeft, BigDecimal kept,
                        BigDecimal lapsed, Share duty, BigDecimal extraCost, Share landed, boolean measure) {
        /** The duty right after this lapse, when no unrecorded outcome leaves it open. */
        public Optional<BigDecimal> knownDuty() {
            return duty.known() ? Optional.of(duty.ifKept()) : Optional.empty();
        }

        public Optional<BigDecimal> knownLanded() {
            return landed.known() ? Optional.of(landed.ifKept()) : Optional.empty();
        }
    }

    /** A deadline that passed with no outcome recorded: the duty is one of two, and nobody here knows which. */
    public record Unresolved(String obligation, Moment deadline, Instant deadlineInstant, int daysPassed,
                             BigDecimal kept, BigDecimal lapsed, BigDecimal extraCost, boolean measure) {
    }

    public boolean isUnresolved() {
        return !unresolved.isEmpty();
    }

    public boolean hasBase() {
        return base.included();
    }

    /** Every layer now, bottom to top: outside the truce, then one per covering obligation with a duty. */
    public List<Layer> layers() {
        List<Layer> layers = new ArrayList<>(outside);
        for (DutyShare d : duties) {
            Share rate = d.rate().map(Share::certain).orElse(Share.either(d.kept(), d.lapsed()));
            layers.add(new Layer(Layer.Kind.TRUCE, d.obligation(),
                    d.headings().isEmpty() ? "obligations.yaml" : String.join(", ", d.headings()), rate));
        }
        return List.copyOf(layers);
    }

    /** The landed duty now, when the product has a base and no unrecorded outcome leaves it open. */
    public Optional<BigDecimal> knownLanded() {
        return hasBase() && landedNow.known() ? Optional.of(landedNow.ifKept()) : Optional.empty();
    }

    /** value × duty now / 100, when both are known. */
    public Optional<BigDecimal> costNow() {
        return dutyNow.map(this::cost).filter(c -> product.value() != null);
    }

    public BigDecimal costIfKept() {
        return cost(now.ifKept());
    }

    public BigDecimal costIfLapsed() {
        return cost(now.ifLapsed());
    }

    /** value × landed duty now / 100, when both are known (never without a base: the landed duty is not known). */
    public Optional<BigDecimal> landedCostNow() {
        return knownLanded().map(this::cost).filter(c -> product.value() != null);
    }

    /** The landed cost as if every unresolved obligation was kept; null without a value or a base. */
    public BigDecimal landedCostIfKept() {
        return hasBase() ? cost(landedNow.ifKept()) : null;
    }

    public BigDecimal landedCostIfLapsed() {
        return hasBase() ? cost(landedNow.ifLapsed()) : null;
    }

    /** What the year costs more if every deadline ahead lapses (null without a value). */
    public BigDecimal extraCostIfAllLapse() {
        return product.value() == null ? null
                : ifLapsed.stream().map(Lapse::extraCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** value × rate / 100 in cents; null when the product has no value. */
    BigDecimal cost(BigDecimal rate) {
        return cost(product.value(), rate);
    }

    static BigDecimal cost(BigDecimal value, BigDecimal rate) {
        return value == null ? null : value.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }
}
