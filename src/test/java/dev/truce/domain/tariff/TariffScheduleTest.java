package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.HtsFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lookups in the trimmed 2026 Revision 10 (and 2025 Basic Edition) exports, checked against the published
 * schedule: each test names the line or heading its values are printed on.
 */
class TariffScheduleTest {
    private static final TariffSchedule REV10 = HtsFixture.revision10();

    private static TariffLine found(TariffSchedule schedule, String code) {
        return assertInstanceOf(CodeLookup.Found.class, schedule.lookup(code), code).line();
    }

    private static TariffLine found(String code) {
        return found(REV10, code);
    }

    private static List<String> numbers(List<HeadingReference> references) {
        return references.stream().map(HeadingReference::number).toList();
    }

    private static BigDecimal percent(String value) {
        return new BigDecimal(value);
    }

    @Test
    void permanentMagnetsOfMetal8505_11_00Pay2point1PercentAndPointTo9903_91_06() {
        TariffLine line = found("8505.11.00");
        assertEquals("85051100", line.code());
        assertEquals("Of metal", line.description());
        assertEquals("2.1%", line.base().text());
        assertEquals(0, percent("2.1").compareTo(line.base().adValorem()));
        assertEquals(List.of("9903.91.06"), numbers(line.references()));
        assertEquals(List.of("8505.11.00"), line.rateLines());
    }

    @Test
    void sinteredNdFeBMagnets8505_11_00_70TakeTheRateOfTheir8DigitLine() {
        TariffLine line = found("8505.11.0070");
        assertEquals("8505110070", line.code());
        assertEquals("Sintered neodymium-iron-boron", line.description());
        assertEquals("2.1%", line.base().text());
        assertEquals(List.of("9903.91.06"), numbers(line.references()));
    }

    @Test
    void processors8542_31At6DigitsHaveOneLineFreeAndPointTo9903_91_05() {
        TariffLine line = found("8542.31");
        assertEquals("854231", line.code());
        assertEquals(List.of("8542.31.00"), line.rateLines());
        assertEquals("Free", line.base().text());
        assertEquals(0, BigDecimal.ZERO.compareTo(line.base().adValorem()));
        assertEquals(List.of("9903.91.05"), numbers(line.references()));
        assertEquals(line.base(), found("8542.31.00.45").base(), "CPUs, 8542.31.00.45");
    }

    @Test
    void otherWoodenFurniture9403_60At6DigitsHasTwoLinesThatAgree() {
        TariffLine line = found("9403.60");
        assertEquals("Other wooden furniture:", line.description());
        assertEquals(List.of("9403.60.40.00", "9403.60.80"), line.rateLines());
        assertEquals("Free", line.base().text());
        assertEquals(List.of("9903.88.03"), numbers(line.references()));
    }

    @Test
    void alkaliMetals2805_19At6DigitsDisagree_3point7_Free_5point5Percent() {
        CodeLookup.Ambiguous lookup = assertInstanceOf(CodeLookup.Ambiguous.class, REV10.lookup("2805.19"));
        assertEquals("280519", lookup.code());
        assertEquals(List.of("28051910", "28051920", "28051990"), lookup.lines().stream().map(TariffLine::code).toList());
        assertEquals(List.of("3.7%", "Free", "5.5%"), lookup.lines().stream().map(l -> l.base().text()).toList());
    }

    @Test
    void flexibleMagnets8505_19At6DigitsAgreeOnTheRateButNotOnTheSection301List() {
        CodeLookup.Ambiguous lookup = assertInstanceOf(CodeLookup.Ambiguous.class, REV10.lookup("8505.19"));
        assertEquals(List.of("4.9%", "4.9%", "4.9%"), lookup.lines().stream().map(l -> l.base().text()).toList());
        assertEquals(List.of(List.of("9903.88.01"), List.of("9903.88.03"), List.of("9903.88.03")),
                lookup.lines().stream().map(l -> numbers(l.references())).toList());
    }

    @Test
    void aStatisticalSuffixThe8505_11_00LineDoesNotHaveIsMissing() {
        CodeLookup lookup = REV10.lookup("8505.11.00.99");
        assertEquals(new CodeLookup.Missing("8505110099"), lookup);
        assertEquals(new CodeLookup.Missing("850612"), REV10.lookup("8506.12"), "heading 8506 is not in the subset");
    }

    @Test
    void aChapter99HeadingIsNotGoods() {
        assertEquals(new CodeLookup.Missing("99038803"), REV10.lookup("9903.88.03"));
    }

    @Test
    void codesThatAreNotCodesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> REV10.lookup("85x5"));
        assertThrows(IllegalArgumentException.class, () -> REV10.lookup("8505.11.00.701"));
    }

    @Test
    void electromagneticCouplings8505_20_00AreOne10DigitRecordThatIsAlsoThe8DigitLine() {
        TariffLine line = found("8505.20.00");
        assertEquals("3.1%", line.base().text());
        assertEquals(List.of("8505.20.00.00"), line.rateLines());
        assertEquals(List.of("9903.88.01"), numbers(line.references()));
        assertEquals(line.base(), found("8505.20.00.00").base());
        assertEquals(line.base(), found("8505.20").base());
    }

    @Test
    void lithiumIonBatteries8507_60_00PointTo9903_88_15And9903_91_06WithTheRatesOfTheirOwnLines() {
        TariffLine line = found("8507.60.00");
        assertEquals("3.4%", line.base().text());
        List<HeadingReference> references = line.generalReferences();
        assertEquals(List.of("9903.88.15", "9903.91.06"), numbers(references));
        Rate list4A = references.get(0).heading().rate();
        assertEquals(Rate.Basis.ADDED, list4A.basis());
        assertEquals(0, percent("7.5").compareTo(list4A.adValorem()));
        Rate review = references.get(1).heading().rate();
        assertEquals("The duty provided in the applicable subheading + 25%", review.text());
        assertEquals(0, percent("25").compareTo(review.adValorem()));
    }

    @Test
    void heading9903_91_06RaisesLithiumIonBatteries8507_60_00_90OnlyFromJanuary1_2026() {
        TariffLine line = found("8507.60.00.90");
        assertEquals(List.of("9903.88.15"), numbers(line.inEffectOn(LocalDate.of(2025, 12, 31))));
        assertEquals(List.of("9903.88.15", "9903.91.06"), numbers(line.inEffectOn(LocalDate.of(2026, 1, 1))));
        assertEquals(new EffectivePeriod(LocalDate.of(2026, 1, 1), null), REV10.heading("9903.91.06").orElseThrow().effective());
    }

    @Test
    void heading9903_91_04AppliedOnlyDuring2025() {
        Chapter99Heading heading = REV10.heading("9903.91.04").orElseThrow();
        assertEquals(0, percent("25").compareTo(heading.rate().adValorem()));
        assertFalse(heading.inEffectOn(LocalDate.of(2024, 12, 31)));
        assertTrue(heading.inEffectOn(LocalDate.of(2025, 6, 1)));
        assertFalse(heading.inEffectOn(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void list1Heading9903_88_01IsReadFromItsOwnLine() {
        Chapter99Heading heading = REV10.heading("9903.88.01").orElseThrow();
        assertEquals("The duty provided in the applicable subheading plus 25%", heading.rate().text());
        assertEquals(0, percent("25").compareTo(heading.rate().adValorem()));
        assertTrue(heading.description().contains("articles the product of China"));
        assertEquals(EffectivePeriod.ALWAYS, heading.effective());
    }

    @Test
    void cribTextiles9403_99_50_05CarryTheirOwnExclusion9903_88_69AndTheirLinesList3() {
        TariffLine line = found("9403.99.50.05");
        assertEquals(List.of("9903.88.69", "9903.88.03"), numbers(line.references()));
        HeadingReference exclusion = line.references().get(0);
        assertEquals(java.util.Set.of("desc"), exclusion.columns());
        assertTrue(exclusion.bearsOnGeneral());
        assertEquals(0, BigDecimal.ZERO.compareTo(exclusion.heading().rate().adValorem()));
        assertEquals(List.of("9903.88.69", "9903.88.03"), numbers(line.inEffectOn(LocalDate.of(2026, 11, 9))));
        assertEquals(List.of("9903.88.03"), numbers(line.inEffectOn(LocalDate.of(2026, 11, 10))));
        assertEquals(List.of("9903.88.03"), numbers(found("9403.99.50").references()), "the exclusion is on .05 only");
    }

    @Test
    void leds8541_41_00_00PointToRussia9903_90_08InColumn2WhichChinasGoodsDoNotPay() {
        TariffLine line = found("8541.41.00.00");
        assertEquals(List.of("9903.88.01", "9903.90.08"), numbers(line.references()));
        assertEquals(List.of("9903.88.01"), numbers(line.generalReferences()));
        HeadingReference russia = line.references().get(1);
        assertEquals(java.util.Set.of("other"), russia.columns());
        assertFalse(russia.heading().rate().isStated(), "9903.90.08 has its 35% in column 2 only");
    }

    @Test
    void rareEarthMetals2805_30Pay5PercentAndNoSection301Heading() {
        TariffLine line = found("2805.30");
        assertEquals("5%", line.base().text());
        assertEquals(List.of(), line.references());
    }

    @Test
    void ceriumCompounds2846_10Pay5point5PercentAndRareEarthCompounds2846_90Disagree() {
        assertEquals("5.5%", found("2846.10").base().text());
        CodeLookup.Ambiguous others = assertInstanceOf(CodeLookup.Ambiguous.class, REV10.lookup("2846.90"));
        assertEquals(List.of("Free", "Free", "3.7%"), others.lines().stream().map(l -> l.base().text()).toList());
    }

    @Test
    void soybeans1201_90PayFreeAndList3() {
        TariffLine line = found("1201.90");
        assertEquals("Free", line.base().text());
        assertEquals(List.of("9903.88.03"), numbers(line.inEffectOn(LocalDate.of(2026, 3, 1))));
        assertEquals(line.base(), found("1201.90.00.10").base(), "certified organic, 1201.90.00.10");
    }

    @Test
    void glues3505_20_00_00PayACompoundRateAndDextrins3505_10_00ASpecificOne() {
        Rate glues = found("3505.20.00.00").base();
        assertEquals(0, percent("2.9").compareTo(glues.adValorem()));
        assertEquals("2.1¢/kg", glues.uncounted());
        Rate dextrins = found("3505.10.00").base();
        assertEquals(0, BigDecimal.ZERO.compareTo(dextrins.adValorem()));
        assertEquals("0.7¢/kg", dextrins.uncounted());
        assertEquals(List.of("9903.88.15"), numbers(found("3505.10.00").references()));
    }

    @Test
    void chinasSuspendedReciprocalHeading9903_01_63IsInForceOnNoDate() {
        Chapter99Heading heading = REV10.heading("9903.01.63").orElseThrow();
        assertEquals(0, percent("34").compareTo(heading.rate().adValorem()));
        assertEquals("provision suspended. See 90 Fed. Reg. 50729.", heading.note());
        assertTrue(heading.stopped());
        assertFalse(heading.inEffectOn(LocalDate.of(2026, 6, 8)));
    }

    @Test
    void section122Heading9903_03_01AddsTenPercentWithNoDatesInItsText() {
        Chapter99Heading heading = REV10.heading("9903.03.01").orElseThrow();
        assertEquals(0, percent("10").compareTo(heading.rate().adValorem()));
        assertEquals(EffectivePeriod.ALWAYS, heading.effective());
        assertNull(heading.note());
    }

    @Test
    void forcedLabourHeading9903_05_31IsNotInRevision10() {
        assertTrue(REV10.heading("9903.05.31").isEmpty());
        assertTrue(REV10.heading("9903.88.03").isPresent());
    }

    @Test
    void theRevisionIsNamedAfterTheFileAndIdentifiedByItsBytes() {
        Revision revision = REV10.revision();
        assertEquals("2026 Revision 10", revision.name());
        assertEquals("hts-2026-rev10-subset.json", revision.file());
        assertEquals(503, REV10.size());
    }

    @Test
    void in2025sBasicEditionMagnets8505_11_00HadNoChapter99Heading() {
        TariffSchedule basic = HtsFixture.basic2025();
        assertEquals("2025 Basic Edition", basic.revision().name());
        TariffLine magnets = found(basic, "8505.11.00");
        assertEquals("2.1%", magnets.base().text());
        assertEquals(List.of(), magnets.references());
    }

    @Test
    void in2025sBasicEditionLithiumIonBatteries8507_60_00PointedTo9903_91_01() {
        TariffSchedule basic = HtsFixture.basic2025();
        TariffLine batteries = found(basic, "8507.60.00");
        assertEquals(List.of("9903.88.15", "9903.91.01"), numbers(batteries.references()));
        assertEquals(new CodeLookup.Missing("8507600090"), basic.lookup("8507.60.00.90"), "a suffix added since");
        assertEquals(LocalDate.of(2024, 9, 27), basic.heading("9903.91.01").orElseThrow().effective().from());
    }
}
