package dev.truce.domain.exposure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sums over the products of one market (the duty on imports into it): a market's sums are never added to
 * another's, since one side's duty is paid by the desk and the other's by its buyers. {@code costNow} (the truce
 * layer) and {@code landedCostNow} are empty when any product's duty is not known (an outcome not recorded) or
 * any product has no value; the costs as if every unresolved obligation was kept or lapsed are then the two
 * bounds a desk can plan with. Sums are null when a product has no value; the landed sums are also null (and
 * {@code landedCostNow} empty) when a product has no base, whose landed duty is not known. {@code withoutBase}:
 * products whose duty is known only as the truce layer (no base_duty, no schedule).
 */
public record ExposureTotal(String market, int products, BigDecimal value, Optional<BigDecimal> costNow,
                            BigDecimal costIfKept, BigDecimal costIfLapsed, Optional<BigDecimal> landedCostNow,
                            BigDecimal landedCostIfKept, BigDecimal landedCostIfLapsed, BigDecimal extraCostIfAllLapse,
                            int unresolvedProducts, int supplyRiskProducts, int withoutBase, boolean deadlineAhead) {

    /** The total of {@code exposures}, all of {@code market}. */
    public static ExposureTotal of(String market, List<Exposure> exposures) {
        boolean allValued = exposures.stream().allMatch(e -> e.product().value() != null);
        Optional<BigDecimal> costNow = exposures.stream().allMatch(e -> e.costNow().isPresent())
                ? Optional.of(sum(exposures, e -> e.costNow().orElseThrow(), true)) : Optional.empty();
        boolean allBased = exposures.stream().allMatch(Exposure::hasBase);
        Optional<BigDecimal> landedNow = exposures.stream().allMatch(e -> e.landedCostNow().isPresent())
                ? Optional.of(sum(exposures, e -> e.landedCostNow().orElseThrow(), true)) : Optional.empty();
        return new ExposureTotal(market, exposures.size(), sum(exposures, e -> e.product().value(), allValued), costNow,
                sum(exposures, Exposure::costIfKept, allValued), sum(exposures, Exposure::costIfLapsed, allValued),
                landedNow, sum(exposures, Exposure::landedCostIfKept, allValued && allBased),
                sum(exposures, Exposure::landedCostIfLapsed, allValued && allBased),
                sum(exposures, Exposure::extraCostIfAllLapse, allValued),
                (int) exposures.stream().filter(Exposure::isUnresolved).count(),
                (int) exposures.stream().filter(e -> !e.supplyRisk().isEmpty()).count(),
                (int) exposures.stream().filter(e -> !e.hasBase()).count(),
                exposures.stream().anyMatch(e -> !e.ifLapsed().isEmpty()));
    }

    private static BigDecimal sum(List<Exposure> exposures, Function<Exposure, BigDecimal> part, boolean known) {
        return known ? exposures.stream().map(part).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
    }
}
