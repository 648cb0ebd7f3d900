package dev.truce.output.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Truce;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineChartTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90).title("T")
            .extensions(List.of(new Extension(LocalDate.parse("2025-08-11"),
                    Moment.ofDateTime(OffsetDateTime.parse("2025-11-10T00:01-05:00")), "EO 14334", null))).build();

    @Test
    void eachBarRunsFromEffectiveToDeadlineOnOneScale() {
        TimelineChart chart = chart(Instant.parse("2025-09-01T12:00:00Z"),
                obligation("a", null, Due.TRUCE_END),
                obligation("b", "2025-06-01", Due.at(Moment.ofDate(LocalDate.parse("2025-12-31")))),
                obligation("c", "2025-07-01", Due.NONE));
        assertEquals(3, chart.rows().size());
        TimelineChart.Row a = row(chart, "a");
        TimelineChart.Row b = row(chart, "b");
        TimelineChart.Row c = row(chart, "c");
        assertTrue(a.barX() < b.barX() && b.barX() < c.barX(), "starts in time order");
        assertTrue(a.barX() + a.barWidth() < b.barX() + b.barWidth(), "2025-11-10 ends before 2025-12-31");
        assertTrue(c.open());
        assertEquals(chart.plotRight() - 8, c.barX() + c.barWidth(), 0.2, "an open-ended bar runs to the edge");
        assertTrue(chart.todayX() > a.barX() && chart.todayX() < a.barX() + a.barWidth(), "today falls inside a's bar");
        assertEquals("no-evidence", a.state(), "without evidence a bar has the no-evidence colour");
    }

    @Test
    void extensionMarkersSitWhereTheDeadlineUsedToBeAndOnlyOnceKnown() {
        Obligation a = obligation("a", null, Due.TRUCE_END);
        Obligation late = obligation("late", "2025-09-01", Due.TRUCE_END);
        TimelineChart before = chart(Instant.parse("2025-08-10T12:00:00Z"), a, late);
        assertEquals(List.of(), row(before, "a").markers(), "the extension was not yet decided");

        TimelineChart after = chart(Instant.parse("2025-09-15T12:00:00Z"), a, late);
        List<TimelineChart.Marker> markers = row(after, "a").markers();
        assertEquals(1, markers.size());
        assertTrue(markers.get(0).tooltip().startsWith("Extended from 2025-08-12 00:01 EDT to 2025-11-10 00:01 EST by EO 14334"),
                markers.get(0).tooltip());
        TimelineChart.Row aRow = row(after, "a");
        assertTrue(markers.get(0).x() > aRow.barX() && markers.get(0).x() < aRow.barX() + aRow.barWidth());
        assertEquals(List.of(), row(after, "late").markers(), "it started after the extension, so it never had the old end");
    }

    @Test
    void monthLabelsNeverCrowdAndEachYearIsNamed() {
        TimelineChart chart = chart(Instant.parse("2025-09-01T12:00:00Z"),
                obligation("long", null, Due.at(Moment.ofDate(LocalDate.parse("2030-12-31")))));
        List<TimeAxis.Tick> ticks = chart.ticks();
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i).x() - ticks.get(i - 1).x() >= 40, "ticks " + (i - 1) + " and " + i + " crowd");
        }
        assertEquals(List.of("2026", "2027", "2028", "2029", "2030"),
                ticks.stream().map(TimeAxis.Tick::year).filter(y -> !y.isEmpty()).skip(1).limit(5).toList());
    }

    @Test
    void longIdsAreShortenedInTheLabelButKeptWhole() {
        String id = "x-" + "y".repeat(60);
        TimelineChart.Row row = chart(Instant.parse("2025-09-01T12:00:00Z"), obligation(id, null, Due.TRUCE_END)).rows().get(0);
        assertEquals(TimelineChart.MAX_LABEL, row.label().length());
        assertTrue(row.label().endsWith("…"));
        assertEquals(id, row.id());
    }

    private static TimelineChart chart(Instant asOf, Obligation... obligations) {
        StatusCalculator calculator = new StatusCalculator(TRUCE, AlertSettings.defaults());
        List<ObligationStatus> statuses = List.of(obligations).stream().map(o -> calculator.statusOf(o, asOf)).toList();
        return TimelineChart.of(calculator.truceStatus(asOf), statuses, asOf, "Today");
    }

    private static TimelineChart.Row row(TimelineChart chart, String id) {
        return chart.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static Obligation obligation(String id, String effective, Due due) {
        return Obligation.builder(id).title("Title of " + id).party("US").kind(Kind.PAUSED_TARIFF).effective(effective == null ? null : Moment.ofDate(LocalDate.parse(effective))).due(due).build();
    }
}
