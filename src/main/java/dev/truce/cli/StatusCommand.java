package dev.truce.cli;

import dev.truce.app.StatusFilter;
import dev.truce.app.StatusReport;
import dev.truce.app.StatusService;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Kind;
import dev.truce.domain.Suggestions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Where every obligation stands: due date, days left, timeline and compliance state, soonest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  truce status --within 30", "  truce status --party CN --format json",
            "  truce status --as-of 2025-08-10   # before the first extension",
            "  truce status --compliance breach-alleged"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--within", paramLabel = "DAYS",
            description = "Only obligations due within DAYS days, overdue ones included.")
    Integer within;

    @Option(names = "--party", paramLabel = "PARTY", description = "Only obligations of this party (such as US, CN or joint).")
    String party;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "Only obligations of this kind: paused-tariff, suspended-countermeasure, export-control, purchase, other.")
    Kind kind;

    @Option(names = "--compliance", paramLabel = "STATE", converter = ComplianceConverter.class,
            description = "Only obligations in this compliance state: no-evidence, complying, breach-alleged, breached, "
                    + "disputed, at-risk.")
    ComplianceState compliance;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (within != null && within < 0) {
            throw new ParameterException(spec.commandLine(), "--within: " + within + " is negative (expected a number of days, 0 or more)");
        }
        TruceCommand root = TruceCommand.root(spec);
        StatusService service = new StatusService(Readers.obligations(root.context()), Readers.evidence(root.context()),
                root.context().clock());
        StatusReport report = service.status(root.file(), asOf.asOf(), new StatusFilter(within, party, kind, compliance));
        new StatusPrinter(spec.commandLine().getOut(), new Styles(root.ansi())).print(report, format.format());
        return ExitCode.OK.code();
    }

    static final class ComplianceConverter implements ITypeConverter<ComplianceState> {
        @Override
        public ComplianceState convert(String value) {
            return ComplianceState.fromLabel(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a compliance state (expected one of "
                    + String.join(", ", ComplianceState.labels()) + ")"
                    + Suggestions.didYouMean(value, ComplianceState.labels())));
        }
    }

    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.fromLabel(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a kind (expected one of " + String.join(", ", Kind.labels()) + ")"));
        }
    }
}
