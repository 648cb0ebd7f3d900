package dev.truce.output;

import dev.truce.domain.Phrases;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.DutyCourse;
import dev.truce.domain.exposure.DutyStep;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The geometry of the briefing's exposure chart, in SVG user units: one band per product with a step line
 * of its duty over time, from the truce's start to past the last deadline, a mark at each deadline of an
 * obligation that covers it, and a line for the as-of moment. Where an outcome is not recorded (a deadline
 * that passed, or one ahead) the duty is drawn twice: solid as if kept, dashed as if lapsed. Pure arithmetic;
 * the template only draws what this computes.
 */
public record ExposureChart(int width, int height, int plotLeft, int plotRight, int axisY, double todayX,
                            String todayLabel, List<Tick> ticks, List<Row> rows, int shown, int total) {
    static final int WIDTH = 1000;
    static final int LABEL_WIDTH = 210;
    static final int RIGHT_PAD = 40;
    static final int AXIS_HEIGHT = 40;
    static final int ROW_HEIGHT = 64;
    static final int PLOT_HEIGHT = 44;
    /** A briefing is read, not scrolled for ever: the chart shows this many products, the table all of them. */
    static final int MAX_PRODUCTS = 40;
    static final int MAX_LABEL = 30;

    public ExposureChart {
        ticks = List.copyOf(ticks);
        rows = List.copyOf(rows);
    }

    public boolean todayLabelLeft() {
        return todayX > width / 2.0;
    }

    /** A vertical grid line; {@code year} is set where a year starts. */
    public record Tick(double x, String label, String year) {
    }

    public record Point(double x, double y) {
    }

    /**
     * One product's band: {@code kept} is the duty as if every missing outcome was kept; {@code lapsed} (empty
     * when nothing is unknown) as if every one lapsed. {@code top} is the band's top, {@code baseY} the 0% line.
     */
    public record Row(String label, String detail, double top, double baseY, double maxY, String maxLabel,
                      List<Point> kept, List<Point> lapsed, List<Marker> markers) {
        public Row {
            kept = List.copyOf(kept);
            lapsed = List.copyOf(lapsed);
            markers = List.copyOf(markers);
        }
    }

    /** A deadline of an obligation that covers the product; {@code unrecorded}: passed, outcome not recorded. */
    public record Marker(double x, double y1, double y2, boolean unrecorded, String tooltip) {
    }

    public static ExposureChart of(ExposureReport report, Register register, String todayLabel) {
        ZoneId zone = report.zone();
        Instant asOf = report.asOf();
        ExposureCalculator calculator = new ExposureCalculator(register, asOf);
        List<Exposure> shown = report.products().subList(0, Math.min(MAX_PRODUCTS, report.products().size()));
        List<List<DutyCourse>> courses = shown.stream().map(e -> calculator.courses(e.product())).toList();
        Scale scale = Scale.of(report.truce(), courses, asOf);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Product product = shown.get(i).product();
            List<DutyStep> steps = calculator.steps(product, scale.start, scale.end);
            rows.add(row(product, steps, courses.get(i), scale, zone, AXIS_HEIGHT + i * ROW_HEIGHT));
        }
        int height = AXIS_HEIGHT + Math.max(1, shown.size()) * ROW_HEIGHT + 8;
        return new ExposureChart(WIDTH, height, LABEL_WIDTH, WIDTH - RIGHT_PAD, AXIS_HEIGHT, round(scale.x(asOf)),
                todayLabel, ticks(scale, zone), rows, shown.size(), report.products().size());
    }

    private static Row row(Product product, List<DutyStep> steps, List<DutyCourse> courses, Scale scale, ZoneId zone,
                           double top) {
        BigDecimal max = BigDecimal.ONE;
        boolean unknown = false;
        for (DutyStep step : steps) {
            max = max.max(step.duty().ifKept()).max(step.duty().ifLapsed());
            unknown |= !step.duty().known();
        }
        double base = top + 8 + PLOT_HEIGHT;
        double perPoint = PLOT_HEIGHT / max.doubleValue();
        Function<BigDecimal, Double> y = rate -> round(base - rate.doubleValue() * perPoint);
        List<Point> kept = path(steps, scale, y, true);
        List<Point> lapsed = unknown ? path(steps, scale, y, false) : List.of();
        List<Marker> markers = new ArrayList<>();
        for (DutyCourse course : courses) {
            Instant deadline = course.deadline();
            if (deadline == null || deadline.isBefore(scale.start) || deadline.isAfter(scale.end)
                    || course.outcomeEffective() != null && course.outcomeEffective().isBefore(deadline)) {
                continue; // an obligation that ended early never reached its deadline
            }
            boolean unrecorded = course.status().isUnresolved();
            String due = course.status().deadline().map(d -> d.display(zone)).orElseThrow();
            String state = unrecorded ? "passed; outcome not recorded"
                    : course.status().timeline().isSettled() ? course.status().timeline().label()
                    : Phrases.relativeDays(course.status().daysLeft().orElse(0));
            markers.add(new Marker(round(scale.x(deadline)), top + 4, base, unrecorded,
                    course.obligation().id() + ": due " + due + " (" + state + "): "
                            + Amounts.rate(course.duty().kept()) + "% while it holds, "
                            + Amounts.rate(course.duty().lapsed()) + "% if it lapses"));
        }
        String label = product.hts() + " " + product.market();
        String detail = Phrases.singleLine(product.description());
        return new Row(label, detail.length() <= MAX_LABEL ? detail : detail.substring(0, MAX_LABEL - 1) + "…", top,
                base, round(base - PLOT_HEIGHT), Amounts.rate(max) + "%", kept, lapsed, markers);
    }

    /** A step line: flat until each change, then straight up or down, to the right edge. */
    private static List<Point> path(List<DutyStep> steps, Scale scale, Function<BigDecimal, Double> y, boolean ifKept) {
        List<Point> points = new ArrayList<>();
        Double previous = null;
        for (DutyStep step : steps) {
            double x = round(scale.x(step.from()));
            double level = y.apply(ifKept ? step.duty().ifKept() : step.duty().ifLapsed());
            if (previous != null) {
                points.add(new Point(x, previous));
            }
            points.add(new Point(x, level));
            previous = level;
        }
        if (previous != null) {
            points.add(new Point(round(scale.right), previous));
        }
        return points;
    }

    /** Month ticks, thinned so labels never collide. */
    private static List<Tick> ticks(Scale scale, ZoneId zone) {
        LocalDate first = scale.start.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1);
        LocalDate last = scale.end.atZone(zone).toLocalDate();
        long months = Math.max(1, ChronoUnit.MONTHS.between(first, last) + 1);
        double perMonth = (scale.right - scale.left) / (double) months;
        int step = perMonth >= 40 ? 1 : perMonth >= 20 ? 3 : perMonth >= 7 ? 6 : 12;
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if ((month.getMonthValue() - 1) % step != 0) {
                continue;
            }
            boolean yearStarts = month.getMonth() == Month.JANUARY || ticks.isEmpty();
            ticks.add(new Tick(round(scale.x(month.atStartOfDay(zone).toInstant())),
                    month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    yearStarts ? String.valueOf(month.getYear()) : ""));
        }
        return ticks;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * Time to x: from the truce's start (what came before it, the April rates, would dwarf the rest) to past the
     * last deadline and the as-of moment.
     */
    private record Scale(Instant start, Instant end, double left, double right) {
        static Scale of(Truce truce, List<List<DutyCourse>> courses, Instant asOf) {
            ZoneId zone = truce.zone();
            Instant min = truce.effective().start(zone);
            Instant max = truce.endChain().asOf(asOf, zone).end(zone);
            max = max.isAfter(asOf) ? max : asOf;
            for (List<DutyCourse> list : courses) {
                for (DutyCourse course : list) {
                    if (course.deadline() != null && course.deadline().isAfter(max)) {
                        max = course.deadline();
                    }
                }
            }
            min = asOf.isBefore(min) ? asOf : min;
            long span = Math.max(86_400, max.getEpochSecond() - min.getEpochSecond());
            long margin = span / 20;
            return new Scale(min, max.plusSeconds(margin), LABEL_WIDTH, WIDTH - RIGHT_PAD);
        }

        double x(Instant instant) {
            double fraction = (instant.getEpochSecond() - start.getEpochSecond())
                    / (double) (end.getEpochSecond() - start.getEpochSecond());
            return left + fraction * (right - left);
        }
    }
}
