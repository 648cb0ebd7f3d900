package dev.truce.output.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time axis both briefing charts draw on, in SVG user units: the moments from {@code start} to {@code end}
 * laid out from x = {@code left} to x = {@code right}, and the month ticks along it. Each chart chooses its own
 * span; the arithmetic from time to x is this one.
 */
public record TimeAxis(Instant start, Instant end, double left, double right) {
    /** A vertical grid line; {@code label} names the month, {@code year} is set where a year starts. */
    public record Tick(double x, String label, String year) {
    }

    double x(Instant instant) {
        double fraction = (instant.getEpochSecond() - start.getEpochSecond())
                / (double) (end.getEpochSecond() - start.getEpochSecond());
        return left + fraction * (right - left);
    }

    /** Month ticks, thinned to every 3rd, 6th or 12th month when months are narrow, so labels never collide. */
    List<Tick> monthTicks(ZoneId zone) {
        LocalDate first = start.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1);
        LocalDate last = end.atZone(zone).toLocalDate();
        long months = Math.max(1, ChronoUnit.MONTHS.between(first, last) + 1);
        double perMonth = (right - left) / (double) months;
        int step = perMonth >= 40 ? 1 : perMonth >= 20 ? 3 : perMonth >= 7 ? 6 : 12;
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if ((month.getMonthValue() - 1) % step != 0) {
                continue;
            }
            boolean yearStarts = month.getMonth() == Month.JANUARY || ticks.isEmpty();
            ticks.add(new Tick(round(x(month.atStartOfDay(zone).toInstant())),
                    month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    yearStarts ? String.valueOf(month.getYear()) : ""));
        }
        return ticks;
    }

    /** A coordinate to one decimal: finer than a screen shows, and short in the page. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
