package dev.truce.app;

import dev.truce.config.HtsLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Phrases;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.domain.exposure.Base;
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.Product;
import dev.truce.domain.exposure.ScheduleSource;
import dev.truce.domain.tariff.CodeLookup;
import dev.truce.domain.tariff.TariffLine;
import dev.truce.domain.tariff.TariffSchedule;
import dev.truce.hts.ScheduleCache;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * `truce exposure` and the briefing's exposure section: a product list against the obligations at a moment, each
 * product's duty in layers. The base comes from the product's base_duty where given, else, for market US, from
 * the schedule obligations.yaml names (hts_file), read through its index in the state folder; a code the schedule
 * does not have, or a short code whose lines disagree, is an error at the product's line.
 */
public final class ExposureService {
    /** The market whose import tariff the US schedule is. */
    public static final String SCHEDULE_MARKET = "US";
    /** A code whose lines disagree: this many of them are named, the rest counted. */
    private static final int LINES_NAMED = 4;

    private final StatusService status;
    private final Clock clock;
    private final List<Path> allowedDirectories;
    private final ScheduleCache schedules;

    public ExposureService(StatusService status, Clock clock, List<Path> allowedDirectories, ScheduleCache schedules) {
        this.status = status;
        this.clock = clock;
        this.allowedDirectories = List.copyOf(allowedDirectories);
        this.schedules = schedules;
    }

    /** Where the products come from: a CSV file, or one code typed on the command line. */
    public sealed interface Products permits ProductFile, OneProduct {
    }

    public record ProductFile(FileRef file) implements Products {
    }

    /** {@code market} null: US; {@code value} null: none (no costs); {@code baseDuty}, {@code origin}: as the CSV's. */
    public record OneProduct(String hts, String market, BigDecimal value, BigDecimal baseDuty, String origin)
            implements Products {
        public OneProduct(String hts, String market, BigDecimal value) {
            this(hts, market, value, null, null);
        }
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
        ProductsCsv.Read read = read(products, register.truce().parties());
        boolean scheduleNeeded = read.products().stream().anyMatch(ExposureService::needsSchedule);
        HtsLocation location = scheduleNeeded
                ? HtsLocation.of(truceFile, allowedDirectories).orElse(null) : null;
        TariffSchedule schedule = location == null ? null
                : schedules.load(location.path(), location.label(), truceFile.stateDirectory()).schedule();
        List<Base> bases = bases(read, schedule);
        ScheduleSource source = schedule == null ? null : new ScheduleSource(schedule.revision().name(),
                location.label(), truceFile.settings().htsEffective());
        return new ExposureCalculator(register, at).report(read.products(), bases, source);
    }

    private static boolean needsSchedule(Product product) {
        return product.baseDuty() == null && product.market().equals(SCHEDULE_MARKET);
    }

    /** Each product's base: base_duty, else the schedule's line (market US), else none; every unknown code at once. */
    private static List<Base> bases(ProductsCsv.Read read, TariffSchedule schedule) {
        List<Base> bases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < read.products().size(); i++) {
            Product product = read.products().get(i);
            if (product.baseDuty() != null) {
                bases.add(new Base.Given(product.baseDuty()));
            } else if (schedule == null || !needsSchedule(product)) {
                bases.add(Base.NOT_INCLUDED);
            } else {
                CodeLookup lookup = schedule.lookup(product.hts());
                String where = read.lines().get(i) == 0 ? read.label() + ": '" + Phrases.oneLine(product.hts()) + "' "
                        : read.label() + ":" + read.lines().get(i) + ": hts: '" + Phrases.oneLine(product.hts()) + "' ";
                String revision = schedule.revision().name();
                if (lookup instanceof CodeLookup.Found found) {
                    bases.add(new Base.Scheduled(found.line(), revision));
                    continue;
                }
                if (lookup instanceof CodeLookup.Ambiguous ambiguous) {
                    problems.add(where + "has 8-digit lines with different duties in " + revision + " ("
                            + named(ambiguous.lines()) + "): give 8 digits");
                } else {
                    problems.add(where + "is not in the schedule (" + revision + "): check the code, or give "
                            + "base_duty for it");
                }
                bases.add(Base.NOT_INCLUDED);
            }
        }
        if (!problems.isEmpty()) {
            throw new TruceException(TruceException.Cause.BAD_INPUT, problems);
        }
        return bases;
    }

    /** "2846.90.20 Free, 2846.90.40.00 Free, 2846.90.80 3.7% + 9903.88.03" and how many more. */
    private static String named(List<TariffLine> lines) {
        String named = lines.stream().limit(LINES_NAMED).map(l -> String.join(", ", l.rateLines()) + " "
                + l.base().text() + l.generalReferences().stream().map(r -> " + " + r.number())
                        .collect(Collectors.joining())).collect(Collectors.joining("; "));
        return lines.size() > LINES_NAMED ? named + "; " + (lines.size() - LINES_NAMED) + " more" : named;
    }

    static ProductsCsv.Read read(Products products, List<String> parties) {
        if (products instanceof ProductFile f) {
            return ProductsCsv.read(f.file(), parties);
        }
        OneProduct one = (OneProduct) products;
        String code = one.hts().strip();
        Product.problemWithCode(code).ifPresent(p -> {
            throw TruceException.badInput("--hts: '" + Phrases.oneLine(code) + "' " + p);
        });
        String typed = one.market() == null ? "US" : one.market().strip();
        String market = ProductsCsv.party(typed, parties).orElseThrow(() -> TruceException.badInput("--market: '"
                + Phrases.oneLine(typed) + "' " + ProductsCsv.marketProblem(typed, parties)));
        if (one.value() != null && one.value().signum() < 0) {
            throw TruceException.badInput("--value: " + one.value().toPlainString() + " is negative (expected the annual "
                    + "import value, 0 or more)");
        }
        if (one.baseDuty() != null && (one.baseDuty().signum() < 0 || one.baseDuty().compareTo(ProductsCsv.MAX_RATE) > 0)) {
            throw TruceException.badInput("--base-duty: " + one.baseDuty().toPlainString() + " is outside 0 to 1000 "
                    + "(expected the duty outside the truce in percent)");
        }
        String origin = null;
        if (one.origin() != null && !one.origin().isBlank()) {
            String typedOrigin = one.origin().strip();
            ProductsCsv.originProblem(typedOrigin, market).ifPresent(problem -> {
                throw TruceException.badInput("--origin: '" + Phrases.oneLine(typedOrigin) + "' " + problem);
            });
            origin = typedOrigin.toUpperCase(java.util.Locale.ROOT);
        }
        return new ProductsCsv.Read("--hts", List.of(new Product(code, market, origin, one.value(), null,
                one.baseDuty())), List.of(0L));
    }
}
