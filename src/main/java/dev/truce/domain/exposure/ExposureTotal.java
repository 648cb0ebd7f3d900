package dev.truce.domain.exposure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sums over a product list. {@code costNow} is empty when any product's duty is not known (an outcome not
 * recorded) or any product has no value; the costs as if every unresolved obligation was kept or lapsed are
 * then the two bounds a desk can plan with. Sums are null when a product has no value.
 */
public record ExposureTotal(int products, BigDecimal value, Optional<BigDecimal> costNow, BigDecimal costIfKept,
                            BigDecimal costIfLapsed, BigDecimal extraCostIfAllLapse, int unresolvedProducts,
                            int supplyRiskProducts) {

    public static ExposureTotal of(List<Exposure> exposures) {
        boolean allValued = exposures.stream().allMatch(e -> e.product().value() != null);
        Optional<BigDecimal> costNow = exposures.stream().allMatch(e -> e.costNow().isPresent())
                ? Optional.of(sum(exposures, e -> e.costNow().orElseThrow(), true)) : Optional.empty();
        return new ExposureTotal(exposures.size(), sum(exposures, e -> e.product().value(), allValued), costNow,
                sum(exposures, Exposure::costIfKept, allValued), sum(exposures, Exposure::costIfLapsed, allValued),
                sum(exposures, Exposure::extraCostIfAllLapse, allValued),
                (int) exposures.stream().filter(Exposure::isUnresolved).count(),
                (int) exposures.stream().filter(e -> !e.supplyRisk().isEmpty()).count());
    }

    private static BigDecimal sum(List<Exposure> exposures, Function<Exposure, BigDecimal> part, boolean known) {
        return known ? exposures.stream().map(part).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
    }
}
