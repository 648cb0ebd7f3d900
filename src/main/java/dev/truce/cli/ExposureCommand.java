package dev.truce.cli;

import dev.truce.output.listing.ExposurePrinter;

import dev.truce.app.ExposureService;
import dev.truce.app.FileRef;
import dev.truce.domain.exposure.ExposureReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "exposure", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "What the obligations mean for your own products: the duty each pays now, what each deadline ahead "
                + "would cost a year if that obligation lapsed, and which export controls could cut supply.",
            "An obligation touches the products its covers: lists (HTS/HS prefixes, or all); its duty: {market, kept, "
                + "lapsed} is the additional duty in percent. Where a deadline passed and no outcome is recorded, "
                + "both possible duties are shown, never a guess.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  truce exposure --products products.csv",
            "  truce exposure --products products.csv --format json --as-of 2026-03-01",
            "  truce exposure --hts 8505.11.0070",
            "  truce exposure --hts 1201.90 --market CN --value 12000000"})
final class ExposureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--products", paramLabel = "FILE", required = true,
                description = "The product list: CSV with the header hts,market,value,description (value: annual "
                        + "import value in any one currency).")
        Path products;

        @Option(names = "--hts", paramLabel = "CODE", required = true,
                description = "One HTS/HS code (2 to 10 digits, with or without dots) instead of a file.")
        String hts;
    }

    @Option(names = "--market", paramLabel = "MARKET",
            description = "With --hts: the importing market, a party of the truce (default: US).")
    String market;

    @Option(names = "--value", paramLabel = "AMOUNT",
            description = "With --hts: the annual import value, for the costs (default: none).")
    BigDecimal value;

    @Mixin
    AsOfOption asOf;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (source.hts == null && (market != null || value != null)) {
            throw new ParameterException(spec.commandLine(), (market != null ? "--market" : "--value")
                    + " goes with --hts CODE (in a file, each line names its market and value)");
        }
        TruceCommand root = TruceCommand.root(spec);
        ExposureService.Products products = source.products != null
                ? new ExposureService.ProductFile(new FileRef(root.context().workingDirectory().resolve(source.products),
                        source.products.toString()))
                : new ExposureService.OneProduct(source.hts, market, value);
        ExposureReport report = root.services().exposure().exposure(root.file(), asOf.asOf(), products);
        new ExposurePrinter(spec.commandLine().getOut(), root.styles()).print(report, format.format());
        if (report.covering() == 0) {
            spec.commandLine().getErr().println("warning: no obligation in " + root.file().label() + " says what it "
                    + "covers, so no product shows a duty or a supply risk (add covers: and duty:, see docs/EXPOSURE.md)");
        }
        return ExitCode.OK.code();
    }
}
