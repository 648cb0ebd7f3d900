package dev.truce.domain.exposure;

import dev.truce.domain.tariff.Chapter99Heading;
import dev.truce.domain.tariff.EffectivePeriod;
import dev.truce.domain.tariff.HeadingReference;
import dev.truce.domain.tariff.Rate;
import dev.truce.domain.tariff.TariffLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the US schedule adds to a product outside the truce on one entry date: the base (the ad valorem part of
 * the general rate of its 8-digit line) and Section 301, from the chapter-99 headings its footnotes point to,
 * each rate read from the heading's own line and counted only while the heading's text says it is in force.
 *
 * <ul>
 * <li><b>Section 301 China headings</b> (9903.88, 9903.91, 9903.92) count for goods of China only: their texts say
 *     "articles the product of China". Where several are in force, the highest counts: the 2024 four-year review
 *     raised the lists' rates ("from 7.5% to 25%", USTR, 89 FR 76581), it did not add a second duty; the others
 *     are named as replaced.</li>
 * <li><b>Exclusions and exemptions</b> (a 301 heading whose rate is "the duty provided in the applicable
 *     subheading" and nothing more, such as 9903.88.69 and .70): not counted. The schedule cannot tell which goods
 *     an exclusion covers; a desk that holds one models it as an obligation.</li>
 * <li><b>A heading an obligation models</b> (named in the hts: of an obligation that covers the product with a
 *     duty in its market, such as 9903.05.31 or 9903.01.63) is counted once, in the truce layer, never here.</li>
 * <li><b>Any other heading</b> (Section 232, 201, ...) and a heading missing from the export: not counted, and
 *     said so.</li>
 * </ul>
 * Dates are entry dates: the instruments mean 12:01 a.m. Eastern time, so an instant is read in New York.
 */
public final class ScheduleLayers {
    public static final ZoneId ENTRY_ZONE = ZoneId.of("America/New_York");
    private static final List<String> SECTION_301_CHINA = List.of("9903.88.", "9903.91.", "9903.92.");

    /** The layers on that date (the base first, then Section 301 if any) and what the schedule says but is not counted. */
    public record At(List<Layer> layers, List<String> notCounted) {
        public At {
            layers = List.copyOf(layers);
            notCounted = List.copyOf(notCounted);
        }
    }

    private ScheduleLayers() {
    }

    public static LocalDate entryDate(Instant instant) {
        return instant.atZone(ENTRY_ZONE).toLocalDate();
    }

    /**
     * {@code china}: the goods are a product of China; {@code modelled}: each heading an obligation covering the
     * product models, and that obligation's id.
     */
    public static At on(Base.Scheduled scheduled, LocalDate date, boolean china, Map<String, String> modelled) {
        TariffLine line = scheduled.line();
        List<String> notCounted = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        layers.add(base(scheduled, notCounted));
        HeadingReference highest = null;
        List<String> replaced = new ArrayList<>();
        for (HeadingReference reference : line.generalReferences()) {
            String number = reference.number();
            if (modelled.containsKey(number)) {
                continue; // counted once, in the truce layer
            }
            if (!reference.isInSchedule()) {
                notCounted.add(number + ": not in this export of the schedule");
                continue;
            }
            Chapter99Heading heading = reference.heading();
            if (!heading.inEffectOn(date)) {
                continue;
            }
            Rate rate = heading.rate();
            if (!isSection301China(number)) {
                notCounted.add(number + ": not a Section 301 China heading (" + rate.text() + "); not counted");
            } else if (isExclusion(rate)) {
                notCounted.add(number + ": a Section 301 exclusion or exemption; which goods it covers is not in the "
                        + "schedule (model it as an obligation)");
            } else if (rate.basis() != Rate.Basis.ADDED || !rate.isReadable()) {
                notCounted.add(number + ": its rate '" + rate.text() + "' is not one truce can read");
            } else if (china) {
                if (highest == null || rate.adValorem().compareTo(highest.heading().rate().adValorem()) > 0) {
                    if (highest != null) {
                        replaced.add(highest.number());
                    }
                    highest = reference;
                } else {
                    replaced.add(number);
                }
            }
        }
        if (highest != null) {
            layers.add(new Layer(Layer.Kind.SECTION_301, "301", highest.number()
                    + (replaced.isEmpty() ? "" : ", in place of " + String.join(", ", replaced)),
                    Share.certain(highest.heading().rate().adValorem())));
        }
        return new At(layers, notCounted);
    }

    private static Layer base(Base.Scheduled scheduled, List<String> notCounted) {
        TariffLine line = scheduled.line();
        Rate general = line.base();
        String source = String.join(", ", line.rateLines()) + " general rate '" + general.text() + "', "
                + scheduled.revision();
        BigDecimal percent = general.isReadable() ? general.adValorem() : BigDecimal.ZERO;
        if (!general.isReadable()) {
            notCounted.add("the general rate '" + general.text() + "' of " + String.join(", ", line.rateLines())
                    + " is not one truce can read");
        } else if (general.hasUncountedPart()) {
            notCounted.add("the specific part of the general rate of " + String.join(", ", line.rateLines()) + ": "
                    + general.uncounted());
        }
        return new Layer(Layer.Kind.BASE, "MFN", source, Share.certain(percent));
    }

    /** Section 301 duties on products of China, by the schedule's numbering. */
    public static boolean isSection301China(String number) {
        return SECTION_301_CHINA.stream().anyMatch(number::startsWith);
    }

    /** "The duty provided in the applicable subheading" alone: the goods pay their own rate, nothing is added. */
    private static boolean isExclusion(Rate rate) {
        return rate.basis() == Rate.Basis.ADDED && rate.isReadable() && rate.adValorem().signum() == 0
                && !rate.hasUncountedPart();
    }

    /** The days on which a heading this line points to starts or stops applying: where the layers can change. */
    public static List<LocalDate> changes(Base.Scheduled scheduled) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (HeadingReference reference : scheduled.line().generalReferences()) {
            if (reference.isInSchedule()) {
                EffectivePeriod period = reference.heading().effective();
                if (period.from() != null) {
                    days.add(period.from());
                }
                if (period.until() != null) {
                    days.add(period.until());
                }
            }
        }
        return List.copyOf(days);
    }
}
