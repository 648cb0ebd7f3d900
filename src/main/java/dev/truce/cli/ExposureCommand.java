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
            "What the obligations mean for your own products: the landed duty each pays now in named layers (the "
                + "base, Section 301, the truce's obligations), what each deadline ahead would cost a year if that "
                + "obligation lapsed (or a dated measure ran out), and which export controls could cut supply.",
            "An obligation touches the products its covers: lists (HTS/HS prefixes, or all); its duty: {market, kept, "
                + "lapsed} is the additional duty in percent. The base comes from a product's base_duty, else, for "
                + "market US, from the schedule hts_file names (truce hts import). Where a deadline passed and no "
                + "outcome is recorded, both possible duties are shown, never a guess.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  truce exposure --products products.csv",
            "  truce exposure --products products.csv --format json --as-of 2026-03-01",
            "  truce exposure --hts 8505.11.0070",
            "  truce exposure --hts 1201.90 --market CN --value 12000000 --base-duty 3",
            "  truce exposure --products products.csv --wide"})
final class ExposureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--products", paramLabel = "FILE", required = true,
                completionCandidates = CsvFileCandidates.class,
                description = "The product list: CSV with the header hts,market,value,description and the optional "
                        + "base_duty and origin (value: annual import value in any one currency).")
        Path products;

        @Option(names = "--hts", paramLabel = "CODE", required = true,
                description = "One HTS/HS code (2 to 10 digits, with or without dots) instead of a file.")
        String hts;
    }

    @Option(names = "--market", paramLabel = "MARKET",
            description = "With --hts: the importing market, a party of the truce (default: US).")
    String market;

    @Option(names = "--value", paramLabel = "AMOUNT", converter = AmountConverter.class,
            description = "With --hts: the annual import value (the customs value), for the costs (default: none).")
    BigDecimal value;

    @Option(names = "--base-duty", paramLabel = "PERCENT", converter = AmountConverter.class,
            description = "With --hts: the duty outside the truce in percent, as your broker applies it (default: the "
                    + "schedule's, for market US).")
    BigDecimal baseDuty;

    @Option(names = "--origin", paramLabel = "COUNTRY",
            description = "With --hts: the country the goods are a product of, such as CN or HK (default: the truce's "
                    + "other party).")
    String origin;

    @Option(names = "--wide", description = "The table as a grid of one line per product and deadline, as wide as "
            + "it needs (the default table fits 100 columns).")
    boolean wide;

    @Mixin
    AsOfOption asOf;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (source.hts == null && (market != null || value != null || baseDuty != null || origin != null)) {
            String flag = market != null ? "--market" : value != null ? "--value" : baseDuty != null ? "--base-duty"
                    : "--origin";
            throw new ParameterException(spec.commandLine(), flag + " goes with --hts CODE (in a file, each line "
                    + "names its market, value, base_duty and origin)");
        }
        TruceCommand root = TruceCommand.root(spec);
        ExposureService.Products products = source.products != null
                ? new ExposureService.ProductFile(new FileRef(root.context().workingDirectory().resolve(source.products),
                        source.products.toString()))
                : new ExposureService.OneProduct(source.hts, market, value, baseDuty, origin);
        ExposureReport report = root.services().exposure().exposure(root.file(), asOf.asOf(), products);
        new ExposurePrinter(spec.commandLine().getOut(), root.styles()).print(report, format.format(), wide);
        report.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + Texts.oneLine(w)));
        if (report.covering() == 0) {
            spec.commandLine().getErr().println("warning: no obligation in " + root.file().label() + " says what it "
                    + "covers, so no product shows a duty or a supply risk (add covers: and duty:, see docs/EXPOSURE.md)");
        }
        return ExitCode.OK.code();
    }

    /** A plain amount: digits, an optional point and decimals; NaN, Infinity and 1e6 are refused in words. */
    static final class AmountConverter implements picocli.CommandLine.ITypeConverter<BigDecimal> {
        private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

        @Override
        public BigDecimal convert(String value) {
            String typed = value.strip();
            if (!PLAIN.matcher(typed).matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + Texts.oneLine(value) + "' is not a number "
                        + "(expected a plain number such as 2400000 or 1250.50; no thousands separators, currency "
                        + "signs or exponents)");
            }
            return new BigDecimal(typed);
        }
    }
}
