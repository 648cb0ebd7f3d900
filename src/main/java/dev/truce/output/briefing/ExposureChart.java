package dev.truce.output.briefing;

import static dev.truce.output.briefing.TimeAxis.round;

import dev.truce.domain.Phrases;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.DutyCourse;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.Layer;
import dev.truce.domain.exposure.LayerStep;
import dev.truce.domain.exposure.Share;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the briefing's exposure charts, in SVG user units: one stacked chart per product, its layers
 * over time on a shared time axis (from the truce's start to past the last deadline): the base at the bottom,
 * Section 301 on it, the truce layer on top, each a band that steps where a heading starts or stops applying or an
 * obligation starts, reaches its deadline or has its outcome take effect. Where an outcome is not recorded (a
 * deadline that passed, or one ahead) the landed duty is drawn twice: the bands and a solid line as if kept, a
 * dashed line as if lapsed. The deadlines of the obligations that cover the product are marked (dotted where one
 * passed with no outcome), and the as-of moment. Pure arithmetic; the template only draws what this computes.
 */
public record ExposureChart(int width, int height, int plotLeft, int plotRight, int plotTop, int plotBottom,
                            double todayX, String todayLabel, List<TimeAxis.Tick> ticks, List<ProductChart> products,
                            int shown, int total) {
    static final int WIDTH = 1000;
    static final int LEFT = 56;
    static final int RIGHT_PAD = 48;
    static final int TOP = 50;
    static final int PLOT_HEIGHT = 96;
    static final int HEIGHT = TOP + PLOT_HEIGHT + 12;
    /** A briefing is read, not scrolled for ever: the charts show this many products, the table all of them. */
    static final int MAX_PRODUCTS = 40;

    public ExposureChart {
        ticks = List.copyOf(ticks);
        products = List.copyOf(products);
    }

    public boolean todayLabelLeft() {
        return todayX > width / 2.0;
    }

    public record Point(double x, double y) {
    }

    /**
     * One product's chart: a title, the bands of its layers (bottom to top), the landed duty as if kept (and, where
     * an outcome is not recorded, as if lapsed), its deadlines, and the top of the scale.
     */
    public record ProductChart(String title, String landed, String maxLabel, List<Band> bands, List<Point> kept,
                               List<Point> lapsed, List<Marker> markers) {
        public ProductChart {
            bands = List.copyOf(bands);
            kept = List.copyOf(kept);
            lapsed = List.copyOf(lapsed);
            markers = List.copyOf(markers);
        }
    }

    /** One layer over one step: {@code layer} is base, section-301 or truce (the CSS class). */
    public record Band(String layer, double x, double y, double width, double height, String tooltip) {
    }

    /** A deadline of an obligation that covers the product; {@code unrecorded}: passed, outcome not recorded. */
    public record Marker(double x, boolean unrecorded, String tooltip) {
    }

    public static ExposureChart of(ExposureReport report, Register register, String todayLabel) {
        ZoneId zone = report.zone();
        Instant asOf = report.asOf();
        ExposureCalculator calculator = new ExposureCalculator(register, asOf);
        List<Exposure> shown = report.products().subList(0, Math.min(MAX_PRODUCTS, report.products().size()));
        List<List<DutyCourse>> courses = shown.stream().map(e -> calculator.courses(e.product())).toList();
        TimeAxis axis = axis(report.truce(), courses, asOf);
        List<ProductChart> charts = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Exposure e = shown.get(i);
            charts.add(chart(e, calculator.layerSteps(e, axis.start(), axis.end()), courses.get(i), axis, zone));
        }
        return new ExposureChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT_PAD, TOP, TOP + PLOT_HEIGHT, round(axis.x(asOf)),
                todayLabel, axis.monthTicks(zone), charts, shown.size(), report.products().size());
    }

    private static ProductChart chart(Exposure e, List<LayerStep> steps, List<DutyCourse> courses, TimeAxis axis,
                                      ZoneId zone) {
        BigDecimal max = BigDecimal.ONE;
        boolean unknown = false;
        for (LayerStep step : steps) {
            max = max.max(step.landed().ifKept()).max(step.landed().ifLapsed());
            unknown |= !step.landed().known();
        }
        double perPoint = PLOT_HEIGHT / max.doubleValue();
        double base = TOP + PLOT_HEIGHT;
        List<Band> bands = new ArrayList<>();
        List<Point> kept = new ArrayList<>();
        List<Point> lapsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            LayerStep step = steps.get(i);
            double x0 = round(axis.x(step.from()));
            double x1 = round(i + 1 < steps.size() ? axis.x(steps.get(i + 1).from()) : axis.right());
            double level = 0;
            String when = "from " + step.from().atZone(zone).toLocalDate();
            for (Layer layer : step.outside()) {
                level = band(bands, layer.kind().label(), layer.name() + " " + Amounts.rate(layer.rate().ifKept())
                        + "% (" + layer.source() + ") " + when, x0, x1, level, layer.rate().ifKept(), perPoint);
            }
            Share truce = step.truce();
            band(bands, "truce", "truce layer " + (truce.known() ? Amounts.rate(truce.ifKept()) + "%"
                    : Amounts.rate(truce.ifKept()) + "% if kept, " + Amounts.rate(truce.ifLapsed()) + "% if lapsed")
                    + " " + when, x0, x1, level, truce.ifKept(), perPoint);
            step(kept, x0, x1, round(base - step.landed().ifKept().doubleValue() * perPoint));
            step(lapsed, x0, x1, round(base - step.landed().ifLapsed().doubleValue() * perPoint));
        }
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
            markers.add(new Marker(round(axis.x(deadline)), unrecorded, course.obligation().id() + ": due " + due
                    + " (" + state + "): " + Amounts.rate(course.duty().kept()) + "% while it holds, "
                    + Amounts.rate(course.duty().lapsed()) + "% " + (course.obligation().kind()
                    == dev.truce.domain.Kind.MEASURE ? "once it runs out" : "if it lapses")));
        }
        String title = e.product().hts() + " · " + e.product().market() + " from " + e.origin()
                + (e.product().description() == null ? "" : " · " + Phrases.singleLine(e.product().description()));
        String landed = dev.truce.output.listing.ExposureWords.landed(e);
        return new ProductChart(title, landed, Amounts.rate(max) + "%", bands, kept, unknown ? lapsed : List.of(),
                markers);
    }

    /** A band from {@code level} up by {@code rate} between x0 and x1 (none for a zero rate); the new level. */
    private static double band(List<Band> bands, String layer, String tooltip, double x0, double x1, double level,
                               BigDecimal rate, double perPoint) {
        double height = rate.doubleValue() * perPoint;
        if (height > 0 && x1 > x0) {
            double top = TOP + PLOT_HEIGHT - level - height;
            bands.add(new Band(layer, x0, round(top), round(x1 - x0), round(height), tooltip));
        }
        return level + height;
    }

    /** A step line: flat to the next change, then straight up or down. */
    private static void step(List<Point> points, double x0, double x1, double y) {
        points.add(new Point(x0, y));
        points.add(new Point(x1, y));
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
        return new TimeAxis(min, max.plusSeconds(margin), LEFT, WIDTH - RIGHT_PAD);
    }
}
