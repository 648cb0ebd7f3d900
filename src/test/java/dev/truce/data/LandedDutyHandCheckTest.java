package dev.truce.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.domain.Register;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Base;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureCalculator;
import dev.truce.domain.exposure.Layer;
import dev.truce.domain.exposure.Product;
import dev.truce.domain.tariff.CodeLookup;
import dev.truce.testing.HtsFixture;
import dev.truce.yaml.ObligationsFileReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The landed duty of five real codes of China on three days, against the shipped obligations.yaml and the trimmed
 * 2026 Revision 10 export, checked by hand layer by layer against the instruments each layer comes from (the table
 * in docs/EXPOSURE.md). Every layer that is not zero is named here with its instrument; a layer the model leaves
 * out (232 carve-outs, Annex II, exclusions) is a "not counted" line of the docs, not a zero here.
 *
 * <p>The truce layer on the three days, from the obligations: on 2025-06-01 the reciprocal duty kept at 10%
 * (EO 14298, 9903.01.63) and the fentanyl duty at 20% (EO 14228, 9903.01.24; its cut to 10% starts 2025-11-10);
 * on 2026-03-01 only the Section 122 surcharge of 10% (Proclamation 11012, 9903.03.01), the IEEPA duties having
 * ended on 2026-02-24 (Learning Resources v. Trump); on 2026-12-07 the Section 301 forced-labour duty of 12.5%
 * (91 FR 47318, 9903.05.31), the surcharge having run out on 2026-07-24.
 */
class LandedDutyHandCheckTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Register SHIPPED = new ObligationsFileReader().read(Path.of("obligations.yaml"),
            "obligations.yaml").register();

    /** A layer the hand check expects: its name, rate, and the instrument it comes from (for the reader). */
    record Expected(String name, String rate, String instrument) {
    }

    private static Expected mfn(String rate, String line) {
        return new Expected("MFN", rate, "HTSUS general (column 1) rate of " + line + ", 2026 Revision 10");
    }

    private static Expected s301(String rate, String heading, String instrument) {
        return new Expected("301", rate, heading + ": " + instrument);
    }

    private static Expected truce(String obligation, String rate, String instrument) {
        return new Expected(obligation, rate, instrument);
    }

    private static final Expected RECIPROCAL_10 = truce("us-reciprocal-suspension", "10",
            "EO 14298: 34% reciprocal duty (9903.01.63), 24 points suspended from 2025-05-14");
    private static final Expected FENTANYL_20 = truce("us-fentanyl-tariff-cut", "20",
            "EO 14195 as amended by EO 14228: 20% (9903.01.24) until EO 14357's cut to 10% on 2025-11-10");
    private static final Expected SECTION_122 = truce("us-section122-surcharge", "10",
            "Proclamation 11012: Section 122 surcharge 10% (9903.03.01), 2026-02-24 to 2026-07-24");
    private static final Expected FORCED_LABOUR = truce("us-section301-forced-labor", "12.5",
            "USTR 91 FR 47318 and memorandum 91 FR 47717: Section 301 forced-labour duty 12.5% (9903.05.31) from 2026-07-24");
    private static final Expected REVIEW_SEMICONDUCTORS = s301("50", "9903.91.05",
            "2024 four-year review, semiconductors 25% to 50% from 2025-01-01 (USTR, 89 FR 76581; U.S. note 31(f))");
    private static final Expected REVIEW_MAGNETS = s301("25", "9903.91.06",
            "2024 four-year review, permanent magnets and non-EV lithium-ion batteries to 25% from 2026-01-01 "
                    + "(89 FR 76581; U.S. note 31(g))");
    private static final Expected LIST_4A = s301("7.5", "9903.88.15", "Section 301 List 4A, 7.5% (U.S. note 20(r), (s))");
    private static final Expected LIST_3 = s301("25", "9903.88.03", "Section 301 List 3, 25% (U.S. note 20(e), (f))");

    static Stream<Arguments> handChecked() {
        return Stream.of(
                // 8542.31.00: processors and controllers. Free; 50% since the review (not 25 + 50: it raised the rate).
                Arguments.of("8542.31.00", "2025-06-01", "80", List.of(mfn("0", "8542.31.00"), REVIEW_SEMICONDUCTORS,
                        RECIPROCAL_10, FENTANYL_20)),
                Arguments.of("8542.31.00", "2026-03-01", "60", List.of(mfn("0", "8542.31.00"), REVIEW_SEMICONDUCTORS,
                        SECTION_122)),
                Arguments.of("8542.31.00", "2026-12-07", "62.5", List.of(mfn("0", "8542.31.00"), REVIEW_SEMICONDUCTORS,
                        FORCED_LABOUR)),
                // 8505.11.00.70: sintered NdFeB magnets. 2.1%; no 301 until the review's 25% of 2026-01-01.
                Arguments.of("8505.11.0070", "2025-06-01", "32.1", List.of(mfn("2.1", "8505.11.00"), RECIPROCAL_10,
                        FENTANYL_20)),
                Arguments.of("8505.11.0070", "2026-03-01", "37.1", List.of(mfn("2.1", "8505.11.00"), REVIEW_MAGNETS,
                        SECTION_122)),
                Arguments.of("8505.11.0070", "2026-12-07", "39.6", List.of(mfn("2.1", "8505.11.00"), REVIEW_MAGNETS,
                        FORCED_LABOUR)),
                // 8507.60.00.90: lithium-ion batteries, not for vehicles. 3.4%; List 4A 7.5%, raised to 25% in 2026.
                Arguments.of("8507.60.00.90", "2025-06-01", "40.9", List.of(mfn("3.4", "8507.60.00"), LIST_4A,
                        RECIPROCAL_10, FENTANYL_20)),
                Arguments.of("8507.60.00.90", "2026-03-01", "38.4", List.of(mfn("3.4", "8507.60.00"), REVIEW_MAGNETS,
                        SECTION_122)),
                Arguments.of("8507.60.00.90", "2026-12-07", "40.9", List.of(mfn("3.4", "8507.60.00"), REVIEW_MAGNETS,
                        FORCED_LABOUR)),
                // 9403.60.80: other wooden furniture. Free; List 3 25% throughout.
                Arguments.of("9403.60.80", "2025-06-01", "55", List.of(mfn("0", "9403.60.80"), LIST_3, RECIPROCAL_10,
                        FENTANYL_20)),
                Arguments.of("9403.60.80", "2026-03-01", "35", List.of(mfn("0", "9403.60.80"), LIST_3, SECTION_122)),
                Arguments.of("9403.60.80", "2026-12-07", "37.5", List.of(mfn("0", "9403.60.80"), LIST_3, FORCED_LABOUR)),
                // 2846.90.80: other rare-earth compounds. 3.7%; no Section 301 heading on the line in Revision 10.
                Arguments.of("2846.90.80", "2025-06-01", "33.7", List.of(mfn("3.7", "2846.90.80"), RECIPROCAL_10,
                        FENTANYL_20)),
                Arguments.of("2846.90.80", "2026-03-01", "13.7", List.of(mfn("3.7", "2846.90.80"), SECTION_122)),
                Arguments.of("2846.90.80", "2026-12-07", "16.2", List.of(mfn("3.7", "2846.90.80"), FORCED_LABOUR)));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}%")
    @MethodSource("handChecked")
    void theLandedDutyIsTheSumOfTheLayersCheckedByHand(String code, String day, String landed, List<Expected> layers) {
        var line = ((CodeLookup.Found) HtsFixture.revision10().lookup(code)).line();
        ExposureCalculator calculator = new ExposureCalculator(SHIPPED,
                LocalDate.parse(day).atStartOfDay(NEW_YORK).toInstant());
        Exposure e = calculator.exposure(new Product(code, "US", BigDecimal.ONE, null),
                new Base.Scheduled(line, "2026 Revision 10"));
        List<String> actual = new ArrayList<>();
        for (Layer layer : e.layers()) {
            if (layer.kind() != Layer.Kind.TRUCE || layer.rate().ifKept().signum() != 0) {
                actual.add(layer.name() + " " + Amounts.rate(layer.rate().ifKept()));
            }
        }
        List<String> expected = layers.stream().map(l -> l.name() + " " + l.rate()).toList();
        assertEquals(expected, actual, () -> "the layers, from: " + String.join("; ",
                layers.stream().map(l -> l.name() + " " + l.rate() + " = " + l.instrument()).toList()));
        assertEquals(landed, Amounts.rate(e.knownLanded().orElseThrow()), "the landed duty");
        assertEquals(0, e.landedNow().ifKept().compareTo(layers.stream().map(l -> new BigDecimal(l.rate()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)), "the sum of the layers named");
    }
}
