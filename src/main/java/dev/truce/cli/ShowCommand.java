package dev.truce.cli;

import dev.truce.app.ObligationDetail;
import dev.truce.app.StatusService;
import dev.truce.domain.Compliance;
import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Truce;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One obligation in full: every field, its deadline chain, what it depends on, its compliance "
                + "state and its evidence as a timeline.",
        footerHeading = "%nExample:%n",
        footer = {"  truce show us-section301-exclusions"})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", completionCandidates = ObligationIdCandidates.class,
            description = "The obligation's id (truce status lists them).")
    String id;

    @Mixin
    AsOfOption asOf;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        ObligationDetail detail = new StatusService(Readers.obligations(root.context()), Readers.evidence(root.context()),
                root.context().clock())
                .show(root.file(), id, asOf.asOf());
        print(spec.commandLine().getOut(), detail, new Styles(root.ansi()));
        return ExitCode.OK.code();
    }

    private static void print(PrintWriter out, ObligationDetail detail, Styles styles) {
        ObligationStatus status = detail.status();
        Obligation o = status.obligation();
        Truce truce = detail.truce();
        ZoneId zone = truce.zone();
        out.println(styles.bold().apply(o.id()) + " — " + Texts.oneLine(o.title()));
        field(out, "party", o.party());
        field(out, "kind", o.kind().label());
        field(out, "effective", o.effectiveOr(truce).display(zone) + (o.effective() == null ? " (with the truce)" : ""));
        String due = switch (o.due().type()) {
            case NONE -> "none (open-ended)";
            case TRUCE_END -> status.deadline().orElseThrow().display(zone) + " (truce-end: follows the truce's extensions)";
            case FIXED -> status.deadline().orElseThrow().display(zone);
        };
        field(out, "due", due + status.daysLeft().map(d -> ", " + Texts.relativeDays(d)).orElse(""));
        field(out, "timeline", styles.timeline(status.timeline()).apply(status.timeline().label()));
        field(out, "compliance", compliance(status.compliance(), detail, styles));
        field(out, "owner", o.owner());
        list(out, "recipients", o.recipients());
        list(out, "hts", o.hts());
        list(out, "sources", o.sources());
        field(out, "note", o.note());
        o.deadlineChain(truce).ifPresent(chain -> chain(out, chain, o.due(), zone, detail));
        related(out, "Depends on:", detail.dependsOn());
        related(out, "Needed by:", detail.dependents());
        evidence(out, detail, zone);
    }

    /** breach-alleged · 3 entries, newest 2025-10-15 · stale: 42 days old (more than 30) */
    private static String compliance(Compliance compliance, ObligationDetail detail, Styles styles) {
        String state = styles.compliance(compliance.state()).apply(compliance.state().label());
        if (compliance.last().isEmpty()) {
            return state;
        }
        ZoneId zone = detail.truce().zone();
        LocalDate newest = compliance.last().get().date().dateIn(zone);
        String text = state + " · " + Texts.plural(compliance.evidenceCount(), "entry", "entries") + ", newest " + newest;
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
            out.println("  " + e.date().display(zone) + "  " + e.stance().label() + "  " + Texts.oneLine(e.claimant())
                    + " (" + e.basis().label() + "): " + Texts.oneLine(e.source()) + later);
            if (e.url() != null) {
                out.println("      url:  " + Texts.oneLine(e.url()));
            }
            if (e.note() != null) {
                out.println("      note: " + Texts.oneLine(e.note()));
            }
        }
    }

    private static void chain(PrintWriter out, DeadlineChain chain, Due due, ZoneId zone, ObligationDetail detail) {
        out.println();
        out.println(due.type() == Due.Type.TRUCE_END ? "Deadline chain (the truce's):" : "Deadline chain:");
        for (DeadlineChain.Link link : chain.links(zone)) {
            String when = link.deadline().display(zone);
            String how = link.extension() == null ? "original"
                    : "extended " + (link.extension().decided() == null ? "(decided: unknown)" : "on " + link.extension().decided())
                      + " by " + link.extension().source()
                      + (link.extension().note() == null ? "" : " — " + Texts.oneLine(link.extension().note()));
            String later = link.knownFrom().isAfter(detail.asOf()) ? "  [not yet known as of this view]" : "";
            out.println("  " + when + "  " + how + later);
        }
    }

    private static void related(PrintWriter out, String heading, List<Obligation> obligations) {
        if (obligations.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        obligations.forEach(o -> out.println("  " + o.id() + "  " + Texts.oneLine(o.title())));
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("  %-11s%s%n", name, Texts.oneLine(value));
        }
    }

    private static void list(PrintWriter out, String name, List<String> values) {
        if (!values.isEmpty()) {
            field(out, name, String.join("; ", values));
        }
    }
}
