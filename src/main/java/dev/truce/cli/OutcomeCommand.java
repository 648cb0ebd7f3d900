package dev.truce.cli;

import dev.truce.app.NewsItem;
import dev.truce.app.Recorded;
import dev.truce.domain.Moment;
import dev.truce.domain.OutcomeResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "outcome", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Records what happened at a deadline in obligations.yaml, for the truce and any number of "
                + "obligations at once.",
            "The outcome is inserted as text: every other byte of the file stays as it is. An obligation that already "
                    + "has an outcome is refused; --dry-run prints the diff and writes nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  truce outcome us-affiliates-rule-suspension --result lapsed \\",
            "      --decided 2026-11-10 --source \"BIS notice\" --dry-run",
            "  truce outcome cn-uel-suspension --result replaced \\",
            "      --replaced-by cn-uel-11-suspension,cn-uel-6-terminated \\",
            "      --decided 2025-08-12 --source \"MOFCOM spokesperson, 2025-08-12\"",
            "  truce outcome --due-at 2026-11-10T00:01-05:00 --result lapsed \\",
            "      --source \"...\"   # every row still open at that instant"})
final class OutcomeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RecordingOptions options;

    @Option(names = "--result", required = true, paramLabel = "RESULT", converter = LabelConverter.OutcomeResultConverter.class,
            description = "lapsed, ended, fulfilled, missed, permanent or replaced.")
    OutcomeResult result;

    @Option(names = "--effective", paramLabel = "DATE|DATETIME", converter = AsOfOption.MomentConverter.class,
            description = "When it takes effect (default: the deadline); required for an obligation with no deadline.")
    Moment effective;

    @Option(names = "--replaced-by", paramLabel = "ID", split = ",", completionCandidates = ObligationIdCandidates.class,
            description = "With --result replaced: the obligations that take over, comma-separated.")
    List<String> replacedBy = new ArrayList<>();

    @Option(names = "--duty", paramLabel = "PERCENT", converter = EvidenceConverters.AmountConverter.class,
            description = "The additional duty, in percent, that applies afterwards, when the outcome says so.")
    BigDecimal duty;

    @Override
    public Integer call() {
        if (result == OutcomeResult.REPLACED && replacedBy.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--result replaced needs --replaced-by ID,... (the obligations that take over)");
        }
        if (result != OutcomeResult.REPLACED && !replacedBy.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--replaced-by goes with --result replaced (result is " + result.label() + ")");
        }
        TruceCommand root = TruceCommand.root(spec);
        Recorded recorded = root.services().recording().record(root.file(),
                new NewsItem.Settled(options.selectors(), result, options.decided, effective, replacedBy, duty,
                        options.source, options.note, options.dryRun),
                options.listener(root, spec.commandLine().getErr()));
        RecordingOptions.print(spec.commandLine().getOut(), spec.commandLine().getErr(), recorded);
        return ExitCode.OK.code();
    }
}
