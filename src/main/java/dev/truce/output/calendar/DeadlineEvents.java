package dev.truce.output.calendar;

import dev.truce.app.Snapshot;
import dev.truce.domain.Compliance;
import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.truce.domain.Phrases.singleLine;

/** What the calendar says: one event for the truce's end and one per obligation that has a deadline. */
public final class DeadlineEvents {
    private DeadlineEvents() {
    }

    public static List<DeadlineEvent> of(Snapshot snapshot) {
        Truce truce = snapshot.register().truce();
        List<Integer> alarms = snapshot.register().alerts().thresholds();
        List<DeadlineEvent> events = new ArrayList<>();
        TruceStatus truceStatus = snapshot.report().truce();
        events.add(truceEnd(truceStatus, alarms));
        reported("truce-end@" + truce.id() + ".truce", "Truce ends (reported): " + singleLine(truce.title()),
                truceStatus.reportedEnd(), truceStatus.reported(), truceStatus.end(), List.of("truce"), truce.zone())
                .ifPresent(events::add);
        for (ObligationStatus status : snapshot.report().rows()) {
            status.deadline().ifPresent(deadline -> events.add(new DeadlineEvent(
                    uid(status.id(), truce), summary(status.obligation()),
                    description(status, truce, chainOf(status, truceStatus)), deadline, status.extensionsKnown(),
                    List.of(status.obligation().party(), status.obligation().kind().label()),
                    status.timeline().isSettled() ? List.of() : alarms, calendarStatus(status))));
            status.deadline().flatMap(deadline -> reported(uid(status.id(), truce),
                    status.obligation().party() + " deadline (reported): " + singleLine(status.obligation().title()),
                    status.reportedDue(), status.reported(), deadline,
                    List.of(status.obligation().party(), status.obligation().kind().label()), truce.zone()))
                    .ifPresent(events::add);
        }
        return events;
    }

    /**
     * Settled means settled: an obligation that ended or was replaced is a cancelled event (nothing will happen at that
     * deadline any more); one that lapsed, was met or missed, or became permanent stays as a plain dated record. Either
     * way it rings no alarm.
     */
    private static DeadlineEvent.Status calendarStatus(ObligationStatus status) {
        return switch (status.timeline()) {
            case ENDED, REPLACED -> DeadlineEvent.Status.CANCELLED;
            default -> DeadlineEvent.Status.NONE;
        };
    }

    /** The chain an obligation shows: its own, or the truce's when it follows the truce's end. */
    private static List<Extension> chainOf(ObligationStatus status, TruceStatus truce) {
        return status.obligation().due().type() == Due.Type.TRUCE_END ? truce.chainKnown() : status.chainKnown();
    }

    /**
     * A deadline reported but not enacted, as a tentative event beside the enacted one: no alarms (the enacted
     * deadline keeps its own), and a UID of its own, "reported." before the deadline's, which no obligation id can
     * take (ids have no dots).
     */
    private static Optional<DeadlineEvent> reported(String uid, String summary, Optional<Moment> reportedDue,
                                                    Optional<dev.truce.domain.DeadlineChain.Link> link, Moment enacted,
                                                    List<String> categories, ZoneId zone) {
        if (reportedDue.isEmpty() || link.isEmpty()) {
            return Optional.empty();
        }
        Extension report = link.get().extension();
        String description = String.join("\n",
                "Reported, not enacted: " + singleLine(report.source()) + " on " + report.decided() + " said the deadline "
                        + "moves to " + reportedDue.get().display(zone) + ".",
                "No instrument has been seen: the deadline in force is " + enacted.display(zone) + ".");
        return Optional.of(new DeadlineEvent("reported." + uid, summary, description, reportedDue.get(), 0,
                categories, List.of(), DeadlineEvent.Status.TENTATIVE));
    }

    /**
     * Obligation ids are unique and never renamed once cited, so the id (qualified by the truce) is a
     * UID that survives every run and every extension. The truce's own event uses a name no id can
     * take, since ids cannot contain a dot.
     */
    static String uid(String obligationId, Truce truce) {
        return obligationId + "@" + truce.id() + ".truce";
    }

    private static DeadlineEvent truceEnd(TruceStatus status, List<Integer> alarms) {
        Truce truce = status.truce();
        ZoneId zone = truce.zone();
        List<String> lines = new ArrayList<>();
        lines.add("The truce " + truce.id() + " ends: " + status.end().display(zone) + ".");
        if (status.unresolved()) {
            lines.add("Deadline passed, outcome not recorded.");
        } else if (status.settled()) {
            lines.add("Outcome: " + status.outcome().orElseThrow().result().label() + " ("
                    + singleLine(status.outcome().orElseThrow().source()) + ").");
        }
        lines.add("Effective " + truce.effective().display(zone) + ", for " + truce.days() + " days.");
        status.reportedEnd().ifPresent(reported -> lines.add("Reported (not enacted): to " + reported.display(zone)));
        extensions(lines, status.chainKnown(), zone);
        sources(lines, truce.sources());
        note(lines, truce.note());
        return new DeadlineEvent("truce-end@" + truce.id() + ".truce", "Truce ends: " + singleLine(truce.title()),
                String.join("\n", lines), status.end(), status.extensionsKnown().size(), List.of("truce"),
                status.settled() ? List.of() : alarms,
                status.settled() && status.outcome().map(o -> o.result() == dev.truce.domain.OutcomeResult.ENDED)
                        .orElse(false) ? DeadlineEvent.Status.CANCELLED : DeadlineEvent.Status.NONE);
    }

    private static String summary(Obligation o) {
        return o.party() + " deadline: " + singleLine(o.title());
    }

    private static String description(ObligationStatus status, Truce truce, List<Extension> extensions) {
        Obligation o = status.obligation();
        ZoneId zone = truce.zone();
        List<String> lines = new ArrayList<>();
        lines.add("Obligation: " + o.id());
        lines.add("Party: " + o.party() + " · Kind: " + o.kind().label());
        Moment deadline = status.deadline().orElseThrow();
        lines.add("Deadline: " + deadline.display(zone)
                + (deadline.isDateOnly() ? " (through the end of that day, " + zone.getId() + ")" : "")
                + (o.due().type() == Due.Type.TRUCE_END ? ", with the truce" : ""));
        lines.add("Status: " + timeline(status, zone));
        if (!status.timeline().isSettled()) {
            lines.add("Compliance: " + compliance(status.compliance(), zone));
        }
        status.reportedDue().ifPresent(reported -> lines.add("Reported (not enacted): to " + reported.display(zone)));
        extensions(lines, extensions, zone);
        if (!o.hts().isEmpty()) {
            lines.add("HTS: " + String.join(", ", o.hts()));
        }
        sources(lines, o.sources());
        note(lines, o.note());
        return String.join("\n", lines);
    }

    /** Where it stands in words: never "expired", which a desk reads as "it snapped back". */
    static String timeline(ObligationStatus status, ZoneId zone) {
        if (status.isUnresolved()) {
            return "deadline passed, outcome not recorded (not known whether it lapsed, was extended or ended)";
        }
        return status.outcome().filter(o -> status.timeline().isSettled())
                .map(o -> o.result().label() + (o.effective() != null ? " from " + o.effective().display(zone) : "")
                        + " (" + singleLine(o.source()) + ")")
                .orElse(status.timeline().label());
    }

    static String compliance(Compliance compliance, ZoneId zone) {
        Optional<Evidence> last = compliance.last();
        if (last.isEmpty()) {
            return compliance.state().label();
        }
        Evidence e = last.get();
        return compliance.state().label() + (compliance.stale() ? " (stale)" : "") + " · "
                + compliance.evidenceCount() + " evidence, newest " + e.date().display(zone) + ": " + singleLine(e.claimant())
                + " says " + e.stance().label() + " (" + e.basis().label() + ", " + singleLine(e.source()) + ")";
    }

    private static void extensions(List<String> lines, List<Extension> extensions, ZoneId zone) {
        if (extensions.isEmpty()) {
            return;
        }
        lines.add("Extensions:");
        for (Extension e : extensions) {
            lines.add("- " + (e.reported() ? "reported (not enacted) " : "") + "to " + e.until().display(zone)
                    + (e.decided() == null ? " (decided: unknown)" : " on " + e.decided()) + " by " + singleLine(e.source()));
        }
    }

    private static void sources(List<String> lines, List<String> sources) {
        if (!sources.isEmpty()) {
            lines.add("Sources:");
            sources.forEach(s -> lines.add("- " + singleLine(s)));
        }
    }

    private static void note(List<String> lines, String note) {
        if (note != null) {
            lines.add("Note: " + singleLine(note));
        }
    }
}
