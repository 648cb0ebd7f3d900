package dev.truce.cli;

import dev.truce.output.listing.EvidencePrinter;

import dev.truce.app.EvidenceListing;
import dev.truce.app.EvidenceQuery;
import dev.truce.app.EvidenceService;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The entries of the evidence file, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  truce evidence list cn-rare-earth-licensing", "  truce evidence list --stance breaches --since 2025-06-01 --format csv"})
final class EvidenceListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", completionCandidates = ObligationIdCandidates.class,
            description = "Only this obligation's entries.")
    String id;

    @Option(names = "--since", paramLabel = "DATE|DATETIME", converter = AsOfOption.MomentConverter.class,
            description = "Only entries dated at or after this (a date starts at 00:00 in the truce zone).")
    Moment since;

    @Option(names = "--stance", paramLabel = "STANCE", converter = LabelConverter.StanceConverter.class,
            description = "Only entries with this stance: complies, breaches, partial or unclear.")
    Stance stance;

    @Mixin
    AsOfOption asOf;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        EvidenceService service = root.services().evidence();
        EvidenceListing listing = service.list(root.file(), new EvidenceQuery(id, since, stance, asOf.asOf()));
        new EvidencePrinter(spec.commandLine().getOut()).print(listing, format.format());
        return ExitCode.OK.code();
    }
}
