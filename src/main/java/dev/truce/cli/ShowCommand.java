package dev.truce.cli;

import dev.truce.output.listing.ShowJson;
import dev.truce.output.listing.ShowPrinter;
import dev.truce.output.listing.TruceShow;

import dev.truce.app.ObligationDetail;
import dev.truce.app.StatusService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One obligation in full: every field, its deadline chain, what it depends on, its compliance "
                + "state and its evidence as a timeline.",
        footerHeading = "%nExample:%n",
        footer = {"  truce show us-section301-exclusions", "  truce show cn-uel-suspension --format json",
            "  truce show --truce        # the truce itself: its chain, outcome and followers"})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", completionCandidates = ObligationIdCandidates.class,
            description = "The obligation's id (truce status lists them), or the truce's.")
    String id;

    @Option(names = "--truce", description = "Show the truce itself: its deadline chain, reports, outcome, and the "
            + "obligations that follow it.")
    boolean truce;

    @Mixin
    AsOfOption asOf;

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Override
    public Integer call() {
        if (truce == (id != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), truce
                    ? "--truce shows the truce: give no ID with it" : "give an obligation ID, or --truce");
        }
        TruceCommand root = TruceCommand.root(spec);
        StatusService service = root.services().status();
        if (truce || service.isTruce(root.file(), id)) {
            dev.truce.app.TruceDetail detail = service.showTruce(root.file(), asOf.asOf());
            if (format == Format.json) {
                TruceShow.json(spec.commandLine().getOut(), detail);
            } else {
                TruceShow.text(spec.commandLine().getOut(), detail, root.styles());
            }
            return ExitCode.OK.code();
        }
        ObligationDetail detail = service.show(root.file(), id, asOf.asOf());
        if (format == Format.json) {
            ShowJson.print(spec.commandLine().getOut(), detail);
        } else {
            ShowPrinter.print(spec.commandLine().getOut(), detail, root.styles());
        }
        ShowPrinter.warnings(spec.commandLine().getErr(), detail);
        return ExitCode.OK.code();
    }
}
