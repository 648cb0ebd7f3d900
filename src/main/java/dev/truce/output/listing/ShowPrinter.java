package dev.truce.output.listing;

import dev.truce.app.ObligationDetail;
import dev.truce.domain.Compliance;
import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcome;
import dev.truce.domain.Phrases;
import dev.truce.domain.Truce;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * `show ID` as text: every field, the outcome and what it means, compliance and progress, the deadline chain,
 * the related obligations and the evidence as a timeline.
 */
public final class ShowPrinter {
    private ShowPrinter() {
    }

    public static void print(PrintWriter out, ObligationDetail detail, Styles styles) {
        ObligationStatus status = detail.status();
        Obligation o = status.obligation();
        Truce truce = detail.truce();
        ZoneId zone = truce.zone();
        out.println(styles.bold().apply(o.id()) + " — " + Phrases.oneLine(o.title()));
        field(out, "party", o.party());
        field(out, "kind", o.kind().label());
        field(out, "effective", o.effectiveOr(truce).display(zone) + (o.effective() == null ? " (with the truce)" : ""));
        String due = switch (o.due().type()) {
            case NONE -> "none (open-ended)";
            case TRUCE_END -> status.deadline().orElseThrow().display(zone) + " (truce-end: follows the truce's extensions)";
            case FIXED -> status.deadline().orElseThrow().display(zone);
        };
        field(out, "due", due + status.daysPassed().map(p -> ", " + Phrases.passed(p))
                .or(() -> status.daysLeft().map(d -> ", " + Phrases.relativeDays(d))).orElse(""));
        status.reported().ifPresent(link -> {
            if (status.reportedDue().isPresent()) {
                field(out, "reported", "to " + link.deadline().display(zone) + ": announced " + link.extension().decided()
                        + " by " + link.extension().source() + ", no instrument seen: the deadline above stands");
            }
        });
        field(out, "timeline", styles.timeline(status.timeline()).apply(status.timeline().label()));
        outcome(out, status, detail, zone);
        field(out, "compliance", (status.timeline().isSettled() ? "while it held: " : "")
                + compliance(status.compliance(), detail, styles));
        field(out, "why", why(status.compliance(), zone));
        status.compliance().progress().ifPresent(p -> field(out, "progress", progress(p, zone)));
        field(out, "owner", o.owner() == null ? null : o.owner().display());
        detail.ack().ifPresent(ack -> field(out, "acked", ack.summary(zone).substring("acked ".length())));
        list(out, "recipients", o.recipients());
        list(out, "hts", o.hts());
        list(out, "sources", o.sources());
        field(out, "note", o.note());
        o.deadlineChain(truce).ifPresent(chain -> chain(out, chain, o.due(), zone, detail));
        related(out, "Depends on:", detail.dependsOn());
        related(out, "Needed by:", detail.dependents());
        related(out, "Replaced by (look there instead):", detail.replacedBy());
        related(out, "Replaces:", detail.replaces());
        evidence(out, detail, zone);
    }

    /**
     * What happened, and what it means for a desk, in words: a passed deadline with no outcome says that it is
     * not known, never that it snapped back.
     */
    private static void outcome(PrintWriter out, ObligationStatus status, ObligationDetail detail, ZoneId zone) {
        Obligation o = status.obligation();
        if (status.outcome().isEmpty()) {
            if (status.isUnresolved()) {
                field(out, "outcome", "not recorded: the deadline " + Phrases.passed(status.daysPassed().orElseThrow())
                        + "; whether it lapsed, was extended or ended is not known here. Record it: "
                        + Phrases.recordOutcome(o) + ".");
            }
            return;
        }
        Outcome outcome = status.outcome().get();
        String when = outcome.effective() != null ? "from " + outcome.effective().display(zone)
                : status.deadline().map(d -> "at the deadline, " + d.display(zone)).orElse("");
        String state = status.timeline().isSettled() ? "" : " (recorded; not yet in effect)";
        field(out, "outcome", outcome.result().label() + " " + when + state
                + (outcome.decided() == null ? "" : "; decided " + outcome.decided()) + "; source: " + outcome.source());
        field(out, "meaning", dev.truce.domain.Outcomes.meaning(o, outcome));
        if (outcome.note() != null) {
            field(out, "", outcome.note());
        }
    }

    /** "3.1 of 12 MMT (26%) reported 2025-11-14; needs 0.09 a day to 2026-02-28, 0.04 a day so far: behind". */
    private static String progress(dev.truce.domain.Progress p, ZoneId zone) {
        String text = p.latest().stripTrailingZeros().toPlainString() + " of " + p.target() + " ("
                + p.percent().stripTrailingZeros().toPlainString() + "%) reported " + p.reportedOn();
        if (p.reached()) {
            return text + ": target reached";
        }
        if (p.neededPerDay().isPresent()) {
            text += "; needs " + rate(p.neededPerDay().get()) + " " + p.target().unit() + " a day to the deadline";
            text += p.soFarPerDay().map(v -> ", " + rate(v) + " a day so far" + (p.behind() ? ": behind pace" : ": on pace"))
                    .orElse("");
        }
        return text;
    }

    private static String rate(java.math.BigDecimal value) {
        return value.round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * The rule behind the state and the entry it rests on: "a breach claim resting on an act or data, not overtaken by
     * a complies resting on an act or data: 2025-06-05, CN says breaches (act), MOFCOM notice".
     */
    public static String why(Compliance compliance, ZoneId zone) {
        Compliance.Reason reason = compliance.reason();
        if (reason == null) {
            return null;
        }
        return reason.rule() + reason.entry().map(e -> ": " + e.date().display(zone) + ", " + e.claimant() + " says "
                + e.stance().label() + " (" + e.basis().label() + "), " + e.source()).orElse("");
    }

    /** breach-alleged · 3 entries, newest 2025-10-15 · stale: 42 days old (more than 30) */
    private static String compliance(Compliance compliance, ObligationDetail detail, Styles styles) {
        String state = styles.compliance(compliance.state()).apply(compliance.state().label());
        if (compliance.last().isEmpty()) {
            return state;
        }
        ZoneId zone = detail.truce().zone();
        LocalDate newest = compliance.last().get().date().dateIn(zone);
        String text = state + " · " + Phrases.plural(compliance.evidenceCount(), "entry", "entries") + ", newest " + newest;
        if (compliance.stale()) {
            long age = ChronoUnit.DAYS.between(newest, detail.asOf().atZone(zone).toLocalDate());
            text += " · stale: " + age + " days old (more than " + detail.staleAfterDays() + ")";
        }
        return text;
    }

    /** The evidence as a timeline, oldest first; entries dated after the as-of moment are shown but marked. */
    private static void evidence(PrintWriter out, ObligationDetail detail, ZoneId zone) {
        if (detail.evidence().isEmpty()) {
            return;
        }
        out.println();
        out.println("Evidence (oldest first):");
        List<Evidence> timeline = detail.evidence().stream()
                .sorted(Comparator.comparing((Evidence e) -> e.happened(zone))).toList();
        for (Evidence e : timeline) {
            String later = e.happened(zone).isAfter(detail.asOf()) ? "  [after this view's as-of: not counted]" : "";
            out.println("  " + e.date().display(zone) + "  " + e.stance().label() + "  " + Phrases.oneLine(e.claimant())
                    + " (" + e.basis().label() + "): " + Phrases.oneLine(e.source()) + later);
            if (e.url() != null) {
                out.println("      url:  " + Phrases.oneLine(e.url()));
            }
            if (e.note() != null) {
                out.println("      note: " + Phrases.oneLine(e.note()));
            }
        }
    }

    private static void chain(PrintWriter out, DeadlineChain chain, Due due, ZoneId zone, ObligationDetail detail) {
        out.println();
        out.println(due.type() == Due.Type.TRUCE_END ? "Deadline chain (the truce's):" : "Deadline chain:");
        for (DeadlineChain.Link link : chain.links(zone)) {
            out.println("  " + link(link, zone, detail.asOf()));
        }
    }

    /** One link of a chain: "2026-11-10 00:01 EST  extended on 2025-11-04 by EO 14358", a report marked as one. */
    public static String link(DeadlineChain.Link link, ZoneId zone, java.time.Instant asOf) {
        String when = link.deadline().display(zone);
        String how = link.extension() == null ? "original"
                : (link.reported() ? "reported (not enacted: moves nothing) " : "extended ")
                  + (link.extension().decided() == null ? "(decided: unknown)" : "on " + link.extension().decided())
                  + " by " + link.extension().source()
                  + (link.extension().note() == null ? "" : " — " + Phrases.oneLine(link.extension().note()));
        String later = link.knownFrom().isAfter(asOf) ? "  [not yet known as of this view]" : "";
        return Phrases.oneLine(when + "  " + how) + later;
    }

    private static void related(PrintWriter out, String heading, List<Obligation> obligations) {
        if (obligations.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        obligations.forEach(o -> out.println("  " + o.id() + "  " + Phrases.oneLine(o.title())));
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("  %-11s%s%n", name, Phrases.oneLine(value));
        }
    }

    /** The same check before and after: what a broken evidence file means for this obligation. */
    public static void warnings(PrintWriter err, ObligationDetail detail) {
        Warnings.print(err, detail.health());
    }

    private static void list(PrintWriter out, String name, List<String> values) {
        if (!values.isEmpty()) {
            field(out, name, String.join("; ", values));
        }
    }
}
