package dev.truce.output.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Duty;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import dev.truce.domain.exposure.Base;
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.Product;
import dev.truce.domain.tariff.CodeLookup;
import dev.truce.testing.HtsFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One stacked chart per product: the layers over time, the deadlines marked. */
class ExposureChartTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90).title("T").build();

    @Test
    void aStepLineThatSplitsWhereTheOutcomeIsNotKnown() {
        Register register = new Register(TRUCE, AlertSettings.defaults(), List.of(
                Obligation.builder("reciprocal").covers(List.of("all"))
                        .duty(new Duty("US", BigDecimal.TEN, new BigDecimal("34"))).build(),
                Obligation.builder("cut").covers(List.of("85")).due(Due.NONE)
                        .effective(Moment.parse("2025-06-01"))
                        .duty(new Duty("US", BigDecimal.ZERO, new BigDecimal("20"))).build()), 30);
        Instant asOf = Instant.parse("2025-07-01T12:00:00Z");
        ExposureCalculator calculator = new ExposureCalculator(register, asOf);
        var report = calculator.report(List.of(new Product("8505", "US", BigDecimal.ONE, "magnets"),
                new Product("9403", "US", BigDecimal.ONE, null)));
        ExposureChart chart = ExposureChart.of(report, register, "Today");
        assertEquals(2, chart.products().size());
        ExposureChart.ProductChart magnets = chart.products().get(0);
        assertEquals("34%", magnets.maxLabel(), "as if the suspension lapsed, once the cut holds the other 20 down");
        List<Double> keptLevels = magnets.kept().stream().map(ExposureChart.Point::y).distinct().toList();
        assertEquals(List.of(y(30, 34), y(10, 34)), keptLevels, "30 until the cut, then 10");
        assertEquals(y(34, 34), magnets.lapsed().get(magnets.lapsed().size() - 1).y(), "34 if it lapses");
        for (int i = 1; i < magnets.kept().size(); i++) {
            assertTrue(magnets.kept().get(i).x() >= magnets.kept().get(i - 1).x(), "left to right");
        }
        assertEquals(chart.plotRight(), magnets.kept().get(magnets.kept().size() - 1).x(), 0.01);
        assertEquals(1, magnets.markers().size(), "the truce-end deadline");
        assertTrue(magnets.markers().get(0).tooltip().startsWith("reciprocal: due 2025-08-12 00:01 EDT (in 42 days): "
                + "10% while it holds, 34% if it lapses"), magnets.markers().get(0).tooltip());
        assertTrue(magnets.bands().stream().allMatch(b -> b.layer().equals("truce")), "no base: the truce layer alone");
        assertTrue(chart.todayX() > chart.plotLeft() && chart.todayX() < chart.plotRight());
    }

    @Test
    void theBandsStackTheBaseSection301AndTheTruceLayerAndStepWhereAHeadingStarts() {
        Register register = new Register(TRUCE, AlertSettings.defaults(), List.of(
                Obligation.builder("reciprocal").covers(List.of("all")).due(Due.NONE)
                        .duty(new Duty("US", BigDecimal.TEN, new BigDecimal("34"))).build()), 30);
        Instant asOf = Instant.parse("2026-03-01T12:00:00Z");
        var line = ((CodeLookup.Found) HtsFixture.revision10().lookup("8505.11.0070")).line();
        ExposureCalculator calculator = new ExposureCalculator(register, asOf);
        var report = calculator.report(List.of(new Product("8505.11.0070", "US", BigDecimal.ONE, "magnets")),
                List.of(new Base.Scheduled(line, "2026 Revision 10")), null);
        ExposureChart.ProductChart magnets = ExposureChart.of(report, register, "Today").products().get(0);
        assertEquals("37.1%", magnets.maxLabel(), "2.1 MFN + 25 (9903.91.06, from 2026-01-01) + 10");
        assertEquals(List.of("base", "truce", "base", "section-301", "truce"),
                magnets.bands().stream().map(ExposureChart.Band::layer).toList(),
                "before 2026-01-01 the base and the truce layer; from it, Section 301 between them");
        ExposureChart.Band base = magnets.bands().get(2);
        ExposureChart.Band review = magnets.bands().get(3);
        ExposureChart.Band truce = magnets.bands().get(4);
        assertEquals(base.y(), review.y() + review.height(), 0.11, "301 sits on the base");
        assertEquals(review.y(), truce.y() + truce.height(), 0.11, "the truce layer on 301");
        assertTrue(review.tooltip().startsWith("301 25% (9903.91.06) from 2026-01-01"), review.tooltip());
        assertEquals(List.of(), magnets.lapsed(), "nothing unknown: one line");
    }

    private static double y(int rate, int max) {
        double base = ExposureChart.TOP + ExposureChart.PLOT_HEIGHT;
        return Math.round((base - rate * (double) ExposureChart.PLOT_HEIGHT / max) * 10) / 10.0;
    }
}
