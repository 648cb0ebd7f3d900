package dev.truce.output.briefing;

import dev.truce.app.StatusReport;
import dev.truce.domain.Due;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Phrases;
import dev.truce.domain.TruceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions at the top of the briefing: every deadline that passed with no outcome recorded, the truce's own
 * first, then the rows that passed together grouped by their instant (most recent first), each with the one command
 * that records what happened for all of them. An acked row is left out: someone said they know.
 */
final class BriefingDecisions {
    private BriefingDecisions() {
    }

    static List<BriefingView.Decision> of(StatusReport report) {
        ZoneId zone = report.zone();
        List<BriefingView.Decision> decisions = new ArrayList<>();
        TruceStatus truce = report.truce();
        if (truce.unresolved()) {
            decisions.add(new BriefingView.Decision("The truce's enacted end passed " + truce.end().display(zone)
                    + " (" + Phrases.passed(truce.daysPassed().orElse(0)) + "): outcome not recorded"
                    + truce.reportedEnd().map(r -> "; reported, not enacted: to " + r.display(zone)).orElse(""),
                    List.of(truce.truce().id()), "truce outcome --truce --result RESULT --source TEXT",
                    "truce extend --truce --until DATE --source TEXT"));
        }
        Map<Instant, List<ObligationStatus>> byDeadline = new LinkedHashMap<>();
        report.rows().stream().filter(ObligationStatus::isUnresolved).filter(r -> report.ackOf(r.id()).isEmpty())
                .sorted(Comparator.comparing((ObligationStatus r) -> r.deadlineInstant().orElseThrow()).reversed())
                .forEach(r -> byDeadline.computeIfAbsent(r.deadlineInstant().orElseThrow(), k -> new ArrayList<>()).add(r));
        byDeadline.forEach((instant, rows) -> decisions.add(decision(instant, rows, zone)));
        return decisions;
    }

    private static BriefingView.Decision decision(Instant instant, List<ObligationStatus> rows, ZoneId zone) {
        ObligationStatus first = rows.get(0);
        String deadline = first.deadline().orElseThrow().display(zone);
        List<String> ids = rows.stream().map(ObligationStatus::id).toList();
        String what = (rows.size() == 1 ? "1 obligation" : rows.size() + " obligations") + " passed " + deadline
                + " (" + Phrases.passed(first.daysPassed().orElse(0)) + ") with no outcome recorded";
        String selector = rows.size() == 1 ? first.id()
                : "--due-at " + instant.atZone(zone).toOffsetDateTime();
        boolean followers = rows.stream().anyMatch(r -> r.obligation().due().type() == Due.Type.TRUCE_END);
        String extend = rows.size() == 1 && followers ? "truce extend --truce --until DATE --source TEXT"
                : "truce extend " + selector + (followers ? " --truce" : "") + " --until DATE --source TEXT";
        return new BriefingView.Decision(what, ids, "truce outcome " + selector + " --result RESULT --source TEXT",
                extend);
    }
}
