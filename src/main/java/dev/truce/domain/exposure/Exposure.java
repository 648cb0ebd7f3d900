package dev.truce.domain.exposure;

import dev.truce.domain.Moment;
import dev.truce.domain.TimelineState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one product pays and risks at the as-of instant. Rates are additional ad valorem duties in percent;
 * costs are in the product's currency a year, rounded to cents, and null when the product has no value.
 *
 * @param dutyNow    the sum of what the covering obligations contribute; empty when an outcome that changes it
 *                   is not recorded (then {@code now} holds both possible duties)
 * @param now        the duty as if every unresolved obligation was kept, and as if every one lapsed
 * @param duties     each covering obligation with a duty in the product's market, and what it contributes now
 * @param ifLapsed   each covering obligation with a deadline ahead and no outcome recorded, soonest first
 * @param unresolved each covering obligation whose deadline passed with no outcome recorded
 * @param supplyRisk the ids of the covering obligations with no duty (export controls, countermeasures) that
 *                   have not ended, been replaced or made permanent
 */
public record Exposure(Product product, Optional<BigDecimal> dutyNow, Share now, List<DutyShare> duties,
                       List<Lapse> ifLapsed, List<Unresolved> unresolved, List<String> supplyRisk) {
    public Exposure {
        duties = List.copyOf(duties);
        ifLapsed = List.copyOf(ifLapsed);
        unresolved = List.copyOf(unresolved);
        supplyRisk = List.copyOf(supplyRisk);
    }

    /** One obligation's part of the duty now; {@code rate} is empty when its outcome is not recorded. */
    public record DutyShare(String obligation, TimelineState timeline, Optional<BigDecimal> rate, BigDecimal kept,
                            BigDecimal lapsed) {
    }

    /**
     * A deadline ahead: {@code duty} is what the product pays right after it if this obligation lapses and every
     * other covering obligation holds (or follows the outcome recorded for it); where another one's deadline
     * passed with no outcome recorded, that duty is one of two ({@link Share#ifKept} and {@link Share#ifLapsed}),
     * never a guess. {@code extraCost} is value × (lapsed − kept) / 100 a year, negative when a lapse lowers the
     * duty (a surcharge that runs out).
     */
    public record Lapse(String obligation, Moment deadline, Instant deadlineInstant, int daysLeft, BigDecimal kept,
                        BigDecimal lapsed, Share duty, BigDecimal extraCost) {
        /** The duty right after this lapse, when no unrecorded outcome leaves it open. */
        public Optional<BigDecimal> knownDuty() {
            return duty.known() ? Optional.of(duty.ifKept()) : Optional.empty();
        }
    }

    /** A deadline that passed with no outcome recorded: the duty is one of two, and nobody here knows which. */
    public record Unresolved(String obligation, Moment deadline, Instant deadlineInstant, int daysPassed,
                             BigDecimal kept, BigDecimal lapsed, BigDecimal extraCost) {
    }

    public boolean isUnresolved() {
        return !unresolved.isEmpty();
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
