package dev.truce.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "hts", mixinStandardHelpOptions = true,
        description = "The US tariff schedule exposure reads for the base and Section 301 layers (hts_file in "
                + "obligations.yaml): a USITC HTS JSON export.",
        subcommands = {HtsImportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  truce hts import hts_2026_revision_10_json.json --effective 2026-06-08"})
final class HtsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** `truce hts` alone: as `truce` alone, the usage on stderr and exit 2. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed: import (see above)");
    }
}
