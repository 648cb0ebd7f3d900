package dev.truce.output.briefing;

import static dev.truce.output.briefing.TimeAxis.round;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The geometry of the briefing's exposure chart, in SVG user units: one band per product with a step line
 * of its duty over time, from the truce's start to past the last deadline, a mark at each deadline of an
 * obligation that covers it, and a line for the as-of moment. Where an outcome is not recorded (a deadline
 * that passed, or one ahead) the duty is drawn twice: solid as if kept, dashed as if lapsed. Pure arithmetic;
 * the template only draws what this computes.
 */
public record ExposureChart(int width, int height, int plotLeft, int plotRight, int axisY, double todayX,
                            String todayLabel, List<TimeAxis.Tick> ticks, List<Row> rows, int shown, int total) {
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
        TimeAxis axis = axis(report.truce(), courses, asOf);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Product product = shown.get(i).product();
            List<DutyStep> steps = calculator.steps(product, axis.start(), axis.end());
            rows.add(row(product, steps, courses.get(i), axis, zone, AXIS_HEIGHT + i * ROW_HEIGHT));
        }
        int height = AXIS_HEIGHT + Math.max(1, shown.size()) * ROW_HEIGHT + 8;
        return new ExposureChart(WIDTH, height, LABEL_WIDTH, WIDTH - RIGHT_PAD, AXIS_HEIGHT, round(axis.x(asOf)),
                todayLabel, axis.monthTicks(zone), rows, shown.size(), report.products().size());
    }

    private static Row row(Product product, List<DutyStep> steps, List<DutyCourse> courses, TimeAxis axis, ZoneId zone,
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
        List<Point> kept = path(steps, axis, y, true);
        List<Point> lapsed = unknown ? path(steps, axis, y, false) : List.of();
        List<Marker> markers = new ArrayList<>();
        for (DutyCourse course : courses) {
            Instant deadline = course.deadline();
            if (deadline == null || deadline.isBefore(axis.start()) || deadline.isAfter(axis.end())
                    || course.outcomeEffective() != null && course.outcomeEffective().isBefore(deadline)) {
                continue; // an obligation that ended early never reached its deadline
            }
            boolean unrecorded = course.status().isUnresolved();
            String due = course.status().deadline().map(d -> d.display(zone)).orElseThrow();
            String state = unrecorded ? "passed; outcome not recorded"
                    : course.status().timeline().isSettled() ? course.status().timeline().label()
                    : Phrases.relativeDays(course.status().daysLeft().orElse(0));
            markers.add(new Marker(round(axis.x(deadline)), top + 4, base, unrecorded,
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
    private static List<Point> path(List<DutyStep> steps, TimeAxis axis, Function<BigDecimal, Double> y,
                                    boolean ifKept) {
        List<Point> points = new ArrayList<>();
        Double previous = null;
        for (DutyStep step : steps) {
            double x = round(axis.x(step.from()));
            double level = y.apply(ifKept ? step.duty().ifKept() : step.duty().ifLapsed());
            if (previous != null) {
                points.add(new Point(x, previous));
            }
            points.add(new Point(x, level));
            previous = level;
        }
        if (previous != null) {
            points.add(new Point(round(axis.right()), previous));
        }
        return points;
    }

    /**
     * Time to x: from the truce's start (what came before it, the April rates, would dwarf the rest) to past the
     * last deadline and the as-of moment.
     */
    private static TimeAxis axis(Truce truce, List<List<DutyCourse>> courses, Instant asOf) {
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
        return new TimeAxis(min, max.plusSeconds(margin), LABEL_WIDTH, WIDTH - RIGHT_PAD);
    }
}
