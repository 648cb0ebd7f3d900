package dev.truce.output.briefing;

import static dev.truce.output.briefing.TimeAxis.round;

import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Phrases;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the briefing's timeline, in SVG user units: one bar per obligation from its
 * effective moment to its deadline (to the right edge when it has none; to its outcome's effective moment once one
 * is in effect), a line for the as-of moment, a marker where each known extension moved a deadline, and month ticks. Pure arithmetic;
 * the template only draws what this computes.
 */
public record TimelineChart(int width, int height, int plotLeft, int plotRight, int axisY, double todayX,
                            String todayLabel, List<TimeAxis.Tick> ticks, List<Row> rows) {
    /** The today label sits left of its line in the right half of the chart, right of it in the left half. */
    public boolean todayLabelLeft() {
        return todayX > width / 2.0;
    }

    static final int WIDTH = 1000;
    static final int LABEL_WIDTH = 250;
    static final int RIGHT_PAD = 16;
    static final int AXIS_HEIGHT = 48;
    static final int ROW_HEIGHT = 20;
    static final int BAR_HEIGHT = 12;
    static final int MAX_LABEL = 34;

    public TimelineChart {
        ticks = List.copyOf(ticks);
        rows = List.copyOf(rows);
    }

    /**
     * One obligation's row, labelled by its title (the id and the full title on hover). {@code open}: no deadline,
     * the bar runs off the right edge; {@code settled}: an outcome is in effect, the bar stops where it took effect and
     * is greyed; {@code unresolved}: the deadline passed and no outcome is recorded, drawn apart from healthy past
     * bars so that nobody mistakes it for one.
     */
    public record Row(String id, String label, double y, double barX, double barWidth, double barY, String state,
                      boolean open, boolean passed, boolean settled, boolean unresolved, String tooltip,
                      List<Marker> markers) {
        public Row {
            markers = List.copyOf(markers);
        }

        /** The class the bar is drawn with: its compliance colour, or the look of a settled or unresolved row. */
        public String look() {
            return settled ? "settled" : unresolved ? "unresolved" : "state-" + state;
        }
    }

    /** Where an extension moved the deadline from. */
    public record Marker(double x, double y, String tooltip) {
    }

    public static TimelineChart of(TruceStatus truceStatus, List<ObligationStatus> statuses, Instant asOf,
                                   String todayLabel) {
        Truce truce = truceStatus.truce();
        ZoneId zone = truce.zone();
        TimeAxis axis = axis(truceStatus, statuses, asOf);
        List<Row> rows = new ArrayList<>(statuses.size());
        for (int i = 0; i < statuses.size(); i++) {
            rows.add(row(statuses.get(i), truce, zone, axis, AXIS_HEIGHT + i * ROW_HEIGHT));
        }
        int height = AXIS_HEIGHT + Math.max(1, statuses.size()) * ROW_HEIGHT + 8;
        return new TimelineChart(WIDTH, height, LABEL_WIDTH, WIDTH - RIGHT_PAD, AXIS_HEIGHT, axis.x(asOf),
                todayLabel, axis.monthTicks(zone), rows);
    }

    private static Row row(ObligationStatus status, Truce truce, ZoneId zone, TimeAxis axis, double top) {
        Instant start = status.obligation().effectiveOr(truce).start(zone);
        boolean open = status.deadlineInstant().isEmpty();
        boolean settled = status.timeline().isSettled();
        double x1 = axis.x(start);
        double x2 = open ? axis.right() - 8 : axis.x(status.deadlineInstant().get());
        if (settled) { // settled means settled: the bar stops where the outcome took effect
            Instant effective = status.outcome().orElseThrow().effectiveAt(status.deadlineInstant().orElse(null), zone);
            x2 = effective == null ? x2 : Math.min(x2, axis.x(effective));
            open = false;
        }
        double barY = top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
        List<Marker> markers = new ArrayList<>();
        status.obligation().deadlineChain(truce).ifPresent(chain -> markers.addAll(
                markers(chain, status.extensionsKnown(), zone, axis, barY + BAR_HEIGHT / 2.0, start)));
        String due = status.deadline().map(d -> "due " + d.display(zone)).orElse("no deadline");
        String tooltip = status.id() + ": " + Phrases.oneLine(status.obligation().title()) + " · "
                + status.obligation().party() + ", " + status.obligation().effectiveOr(truce).display(zone) + " to "
                + due + " · " + (status.isUnresolved() ? "deadline passed, outcome not recorded"
                : status.timeline().label()) + (settled ? "" : " · " + status.compliance().state().label());
        return new Row(status.id(), label(Phrases.oneLine(status.obligation().title())), top, round(x1),
                round(Math.max(2, x2 - x1)), barY, status.compliance().state().label(), open,
                !status.timeline().isOpen(), settled, status.isUnresolved(), tooltip, markers);
    }

    /**
     * The deadlines the known extensions replaced, where each extension came while the obligation was
     * in force: a truce-end obligation that started after an extension never had the deadline it replaced.
     */
    private static List<Marker> markers(DeadlineChain chain, int known, ZoneId zone, TimeAxis axis, double y,
                                        Instant obligationStart) {
        List<DeadlineChain.Link> links = chain.links(zone);
        List<Marker> markers = new ArrayList<>();
        for (int i = 1; i <= known && i < links.size(); i++) {
            DeadlineChain.Link replaced = links.get(i - 1);
            DeadlineChain.Link extension = links.get(i);
            if (!extension.knownFrom().isAfter(obligationStart)) {
                continue;
            }
            String decided = extension.extension().decided() == null ? "decided: unknown"
                    : "decided " + extension.extension().decided();
            markers.add(new Marker(round(axis.x(replaced.deadline().end(zone))), y,
                    "Extended from " + replaced.deadline().display(zone) + " to " + extension.deadline().display(zone)
                    + " by " + Phrases.oneLine(extension.extension().source()) + " (" + decided + ")"));
        }
        return markers;
    }

    /** A title cut to the label column at a word, with an ellipsis; the whole title is on hover. */
    static String label(String title) {
        if (title.length() <= MAX_LABEL) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_LABEL - 1);
        return (cut > MAX_LABEL / 2 ? title.substring(0, cut) : title.substring(0, MAX_LABEL - 1)).strip() + "…";
    }

    /** Time to x: from the earliest start to the latest deadline (or the as-of moment), with a margin. */
    private static TimeAxis axis(TruceStatus truceStatus, List<ObligationStatus> statuses, Instant asOf) {
        Truce truce = truceStatus.truce();
        ZoneId zone = truce.zone();
        Instant min = truce.effective().start(zone);
        Instant max = truceStatus.endInstant().isAfter(asOf) ? truceStatus.endInstant() : asOf;
        for (ObligationStatus status : statuses) {
            Instant start = status.obligation().effectiveOr(truce).start(zone);
            min = start.isBefore(min) ? start : min;
            Instant deadline = status.deadlineInstant().orElse(max);
            max = deadline.isAfter(max) ? deadline : max;
        }
        min = asOf.isBefore(min) ? asOf : min;
        long span = Math.max(86_400, max.getEpochSecond() - min.getEpochSecond());
        long margin = span / 40;
        return new TimeAxis(min.minusSeconds(margin), max.plusSeconds(margin), LABEL_WIDTH, WIDTH - RIGHT_PAD);
    }
}
