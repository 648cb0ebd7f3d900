package dev.truce.app;

import dev.truce.config.TruceFile;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.Product;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** `truce exposure` and the briefing's exposure section: a product list against the obligations at a moment. */
public final class ExposureService {
    private final StatusService status;
    private final Clock clock;

    public ExposureService(StatusService status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    /** Where the products come from: a CSV file, or one code typed on the command line. */
    public sealed interface Products permits ProductFile, OneProduct {
    }

    public record ProductFile(FileRef file) implements Products {
    }

    /** {@code market} null: US; {@code value} null: none (no costs). */
    public record OneProduct(String hts, String market, BigDecimal value) implements Products {
    }

    public ExposureReport exposure(FileRef file, AsOf asOf, Products products) {
        return exposure(status.load(file), asOf, products);
    }

    /** The exposure of a file already read (the briefing reads it once for its snapshot). */
    public ExposureReport exposure(TruceFile truceFile, AsOf asOf, Products products) {
        return exposure(truceFile, asOf.resolve(clock, truceFile.register().truce().zone()), products);
    }

    /** At an instant already resolved (the briefing's, so that its status and exposure see one moment). */
    public ExposureReport exposure(TruceFile truceFile, Instant at, Products products) {
        Register register = truceFile.register();
        return new ExposureCalculator(register, at).report(read(products, register.truce().parties()));
    }

    static List<Product> read(Products products, List<String> parties) {
        if (products instanceof ProductFile f) {
            return ProductsCsv.read(f.file(), parties);
        }
        OneProduct one = (OneProduct) products;
        String code = one.hts().strip();
        Product.problemWithCode(code).ifPresent(p -> {
            throw TruceException.badInput("--hts: '" + dev.truce.domain.Phrases.oneLine(code) + "' " + p);
        });
        String typed = one.market() == null ? "US" : one.market().strip();
        String market = ProductsCsv.party(typed, parties).orElseThrow(() -> TruceException.badInput("--market: '"
                + dev.truce.domain.Phrases.oneLine(typed) + "' " + ProductsCsv.marketProblem(typed, parties)));
        if (one.value() != null && one.value().signum() < 0) {
            throw TruceException.badInput("--value: " + one.value().toPlainString() + " is negative (expected the annual "
                    + "import value, 0 or more)");
        }
        return List.of(new Product(code, market, one.value(), null));
    }
}
