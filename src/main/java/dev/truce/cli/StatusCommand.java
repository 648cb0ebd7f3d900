package dev.truce.cli;

import dev.truce.output.listing.StatusPrinter;
import dev.truce.output.listing.Warnings;

import dev.truce.app.StatusFilter;
import dev.truce.app.StatusReport;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Kind;
import dev.truce.domain.TimelineState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Where every obligation stands: due date, days left, timeline (or the outcome recorded) and "
                + "compliance state, soonest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  truce status --within 30", "  truce status --party CN --format json",
            "  truce status --as-of 2025-08-10   # before the first extension",
            "  truce status --compliance breach-alleged",
            "  truce status --mine             # owned by $TRUCE_OWNER, else by you",
            "  truce status --hts 8505.11 --hts 2846.90"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--within", paramLabel = "DAYS",
            description = "Only obligations due within DAYS days (with --overdue, also those whose deadline passed "
                    + "with no outcome recorded).")
    Integer within;

    @Option(names = "--overdue", description = "With --within: keep the obligations whose deadline passed and whose "
            + "outcome is not recorded too.")
    boolean overdue;

    @Option(names = "--unresolved", description = "Only the obligations whose deadline passed with no outcome recorded: "
            + "what needs a person to say what happened.")
    boolean unresolved;

    @Option(names = "--timeline", paramLabel = "STATE", converter = LabelConverter.TimelineConverter.class,
            description = "Only obligations in this timeline state: pending, active, due-soon, due-today, unresolved, "
                    + "lapsed, ended, fulfilled, missed, permanent, replaced. Repeatable: any of them.")
    java.util.List<TimelineState> timeline = new java.util.ArrayList<>();

    @Option(names = "--party", paramLabel = "PARTY", completionCandidates = PartyCandidates.class,
            description = "Only obligations of this party (such as US, CN or joint).")
    String party;

    @Option(names = "--kind", paramLabel = "KIND", converter = LabelConverter.KindConverter.class,
            description = "Only obligations of this kind: paused-tariff, suspended-countermeasure, export-control, "
                    + "purchase, measure, other.")
    Kind kind;

    @Option(names = "--compliance", paramLabel = "STATE", converter = LabelConverter.ComplianceConverter.class,
            description = "Only obligations in this compliance state: no-evidence, complying, breach-alleged, breached, "
                    + "disputed, at-risk, unknown.")
    ComplianceState compliance;

    @Option(names = "--owner", paramLabel = "NAME",
            description = "Only obligations owned by NAME: a name, an email address or its part before the @ (any case).")
    String owner;

    @Option(names = "--mine", description = "Only my obligations: owned by $TRUCE_OWNER, else by this account's user name.")
    boolean mine;

    @Option(names = "--hts", paramLabel = "CODE",
            description = "Only obligations whose covers match this HTS/HS code, as a prefix either way (8505 finds "
                    + "covers of 8505.11; 8505.11.0070 finds 8505.11 and all). Repeatable: any of the codes.")
    java.util.List<String> hts = new java.util.ArrayList<>();

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (within != null && within < 0) {
            throw new ParameterException(spec.commandLine(), "--within: " + within + " is negative (expected a number of days, 0 or more)");
        }
        if (overdue && within == null) {
            throw new ParameterException(spec.commandLine(), "--overdue goes with --within DAYS (without --within every row is shown)");
        }
        for (String code : hts) {
            dev.truce.domain.exposure.Product.problemWithCode(code.strip()).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), "--hts: '" + Texts.oneLine(code) + "' " + problem);
            });
        }
        TruceCommand root = TruceCommand.root(spec);
        StatusReport report = root.services().status().status(root.file(), asOf.asOf(),
                new StatusFilter(within, overdue, party, kind, compliance, owner(root.context()),
                        hts.stream().map(String::strip).toList(), timelines()));
        new StatusPrinter(spec.commandLine().getOut(), root.styles()).print(report, format.format());
        Warnings.print(spec.commandLine().getErr(), report);
        if (mine) {
            // which name --mine took, and from where: an empty listing must not look like "nothing is mine"
            long owned = report.ownedObligations();
            spec.commandLine().getErr().println("truce status: --mine: owned by '" + Texts.oneLine(owner(root.context()))
                    + "' (" + (root.context().env("TRUCE_OWNER").isPresent() ? "$TRUCE_OWNER" : "your user name; set "
                    + "$TRUCE_OWNER to use another") + "); " + owned + " of " + report.total() + " obligations have an owner");
            spec.commandLine().getErr().flush();
        }
        return ExitCode.OK.code();
    }

    private java.util.Set<TimelineState> timelines() {
        java.util.Set<TimelineState> states = new java.util.HashSet<>(timeline);
        if (unresolved) {
            states.add(TimelineState.UNRESOLVED);
        }
        return states;
    }

    private String owner(Context context) {
        if (owner != null && mine) {
            throw new ParameterException(spec.commandLine(), "--owner and --mine: give one of them");
        }
        if (owner != null && owner.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--owner: empty (expected a name or an email address)");
        }
        if (!mine) {
            return owner == null ? null : owner.strip();
        }
        return context.env("TRUCE_OWNER").or(context::userName).map(String::strip).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--mine: set $TRUCE_OWNER to your name or email (no user name is known either)"));
    }
}
