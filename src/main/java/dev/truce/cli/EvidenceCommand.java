package dev.truce.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "The evidence log (evidence.yaml): who says an obligation is kept or broken, and on what basis.",
        subcommands = {EvidenceAddCommand.class, EvidenceListCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce evidence add cn-rare-earth-licensing --stance partial \\",
            "      --claimant \"EU Chamber\" --basis data --date 2025-09-16 \\",
            "      --source \"EU Chamber of Commerce in China\"",
            "  truce evidence list cn-rare-earth-licensing --since 2025-06-01",
        })
final class EvidenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** `truce evidence` alone: as `truce` alone, the usage on stderr and exit 2. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed: add or list (see above)");
    }
}
