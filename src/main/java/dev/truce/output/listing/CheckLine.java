package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.domain.DeadlineWatch;
import dev.truce.domain.ObligationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one line a monitoring plugin prints: {@code TRUCE STATE - summary | perfdata}. Only ids
 * (lowercase letters, digits, dashes), numbers and fixed words reach it, so a title can never break the
 * line or start the performance data early.
 */
public final class CheckLine {
    private static final int IDS_SHOWN = 3;

    private CheckLine() {
    }

    /** The age of the last successful alert run for the performance data: empty when not known (U). */
    public record AlertAge(java.util.Optional<java.time.Duration> age, int maxAgeHours) {
        public static final AlertAge UNKNOWN = new AlertAge(java.util.Optional.empty(), 0);
    }

    /**
     * {@code first}: parts that matter more than the deadlines (alerts stopped, or not known to run), worded
     * already; {@code extra}: parts the caller adds after them (the evidence file's health, refused mail).
     */
    public static String of(DeadlineWatch watch, String level, List<String> first, List<String> extra, AlertAge alerts) {
        List<String> parts = new ArrayList<>(first);
        parts.addAll(summary(watch));
        parts.addAll(extra);
        return "TRUCE " + level + " - " + String.join("; ", parts) + " | " + perfdata(watch, alerts);
    }

    public static String of(DeadlineWatch watch) {
        return of(watch, watch.level().name(), List.of(), List.of(), AlertAge.UNKNOWN);
    }

    /** UNKNOWN with the reason on one line; a '|' would start the performance data, so it is replaced. */
    public static String unknown(String reason) {
        return "TRUCE UNKNOWN - " + dev.truce.domain.Phrases.singleLine(reason).replace('|', '/');
    }

    private static List<String> summary(DeadlineWatch watch) {
        List<String> parts = new ArrayList<>();
        if (!watch.dueCritical().isEmpty()) {
            parts.add(due(watch.dueCritical(), watch.criticalDays()));
        }
        if (!watch.breached().isEmpty()) {
            parts.add(Phrases.plural(watch.breached().size(), "obligation", "obligations") + " breached, counted as "
                    + watch.breachedAs().name() + ": " + ids(watch.breached()));
        }
        if (!watch.unresolved().isEmpty()) {
            ObligationStatus latest = watch.unresolved().get(0);
            parts.add(Phrases.plural(watch.unresolved().size(), "deadline", "deadlines") + " passed with no outcome "
                    + "recorded: " + ids(watch.unresolved()) + " (latest " + latest.id() + ", "
                    + Phrases.passed(latest.daysPassed().orElseThrow()) + ")");
        }
        List<ObligationStatus> warningOnly = watch.dueWarning().subList(watch.dueCritical().size(), watch.dueWarning().size());
        if (!warningOnly.isEmpty() && watch.dueCritical().isEmpty()) {
            parts.add(due(watch.dueWarning(), watch.warningDays()));
        } else if (!warningOnly.isEmpty()) {
            parts.add(warningOnly.size() + " more due within " + Phrases.plural(watch.warningDays(), "day", "days")
                    + ", next: " + warningOnly.get(0).id() + " " + when(warningOnly.get(0)));
        }
        if (parts.isEmpty()) {
            parts.add((watch.acked().isEmpty() ? "no obligation" : "no other obligation") + " due within "
                    + Phrases.plural(watch.warningDays(), "day", "days")
                    + watch.next().map(n -> ", next: " + n.id() + " " + when(n)).orElse(", no deadline ahead"));
        }
        if (!watch.acked().isEmpty()) {
            parts.add(Phrases.plural(watch.acked().size(), "acked obligation", "acked obligations") + " counted as "
                    + (watch.ackedAs() == DeadlineWatch.Level.OK ? "OK" : "at most " + watch.ackedAs().name()) + ": "
                    + ids(watch.acked()) + " (truce ack list says who and why)");
        }
        return parts;
    }

    private static String due(List<ObligationStatus> due, int days) {
        return Phrases.plural(due.size(), "obligation", "obligations") + " due within "
                + Phrases.plural(days, "day", "days") + ", next: " + due.get(0).id() + " " + when(due.get(0));
    }

    private static String when(ObligationStatus status) {
        return Phrases.relativeDays(status.daysLeft().orElseThrow());
    }

    private static String ids(List<ObligationStatus> statuses) {
        String shown = statuses.stream().limit(IDS_SHOWN).map(ObligationStatus::id).collect(Collectors.joining(", "));
        return statuses.size() > IDS_SHOWN ? shown + " and " + (statuses.size() - IDS_SHOWN) + " more" : shown;
    }

    /**
     * label=value;warn;crit;min;max with Nagios ranges: "0" alerts on anything above zero. A breach's range sits
     * where --breached-as puts it; last_alert_age_h is in hours, rounded up to a tenth so that it is above the
     * critical range exactly when the line says alerts stopped, and U when not known.
     */
    private static String perfdata(DeadlineWatch watch, AlertAge alerts) {
        int max = watch.total();
        String breached = switch (watch.breachedAs()) {
            case OK -> ";;;0;";
            case WARNING -> ";0;;0;";
            case CRITICAL -> ";;0;0;";
        };
        String line = "due_warning=" + watch.dueWarning().size() + ";0;;0;" + max
                + " due_critical=" + watch.dueCritical().size() + ";;0;0;" + max
                + " breached=" + watch.breached().size() + breached + max
                + " unresolved=" + watch.unresolved().size() + ";0;;0;" + max
                + " acked=" + watch.acked().size() + ";;;0;" + max;
        return line + watch.next().map(n -> " next_due_days=" + n.daysLeft().orElseThrow() + ";;;0;").orElse("")
                + " last_alert_age_h=" + alerts.age().map(CheckLine::hours).orElse("U") + ";;"
                + (alerts.maxAgeHours() > 0 ? String.valueOf(alerts.maxAgeHours()) : "") + ";0;";
    }

    private static String hours(java.time.Duration age) {
        long tenths = (age.toMillis() + 359_999) / 360_000;   // rounded up: 26 h and 1 s is 26.1, above 26
        return tenths / 10 + "." + tenths % 10;
    }
}
