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
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertEquals(2, chart.rows().size());
        ExposureChart.Row magnets = chart.rows().get(0);
        assertEquals("34%", magnets.maxLabel(), "as if the suspension lapsed, once the cut holds the other 20 down");
        List<Double> keptLevels = magnets.kept().stream().map(ExposureChart.Point::y).distinct().toList();
        assertEquals(List.of(y(magnets, 30, 34), y(magnets, 10, 34)), keptLevels, "30 until the cut, then 10");
        assertEquals(y(magnets, 34, 34), magnets.lapsed().get(magnets.lapsed().size() - 1).y(), "34 if it lapses");
        for (int i = 1; i < magnets.kept().size(); i++) {
            assertTrue(magnets.kept().get(i).x() >= magnets.kept().get(i - 1).x(), "left to right");
        }
        assertEquals(chart.plotRight(), magnets.kept().get(magnets.kept().size() - 1).x(), 0.01);
        assertEquals(1, magnets.markers().size(), "the truce-end deadline");
        assertTrue(magnets.markers().get(0).tooltip().startsWith("reciprocal: due 2025-08-12 00:01 EDT (in 42 days): "
                + "10% while it holds, 34% if it lapses"), magnets.markers().get(0).tooltip());
        assertTrue(chart.todayX() > chart.plotLeft() && chart.todayX() < chart.plotRight());
    }

    private static double y(ExposureChart.Row row, int rate, int max) {
        return Math.round((row.baseY() - rate * (double) ExposureChart.PLOT_HEIGHT / max) * 10) / 10.0;
    }
}
