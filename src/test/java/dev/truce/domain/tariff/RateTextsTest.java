package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rate texts as printed in 2026 Revision 10; each test names the line the text is from. */
class RateTextsTest {

    private static void assertRate(Rate.Basis basis, String percent, String uncounted, Rate rate) {
        assertEquals(basis, rate.basis(), rate.text());
        assertEquals(0, new BigDecimal(percent).compareTo(rate.adValorem()), rate.text());
        assertEquals(uncounted, rate.uncounted(), rate.text());
    }

    @Test
    void adValoremOfPermanentMagnets8505_11_00() {
        assertRate(Rate.Basis.OWN, "2.1", null, RateTexts.parse("2.1%"));
    }

    @Test
    void adValoremWithTheTrailingSpaceSomeLinesHave() {
        assertRate(Rate.Basis.OWN, "25", null, RateTexts.parse("25% "));
    }

    @Test
    void freeForProcessors8542_31_00() {
        assertRate(Rate.Basis.OWN, "0", null, RateTexts.parse("Free"));
    }

    @Test
    void specificRateOfDextrins3505_10_00IsLeftOutOfThePercent() {
        Rate rate = RateTexts.parse("0.7¢/kg");
        assertRate(Rate.Basis.OWN, "0", "0.7¢/kg", rate);
        assertTrue(rate.hasUncountedPart());
    }

    @Test
    void compoundRateOfGlues3505_20_00_00CountsOnlyItsPercent() {
        assertRate(Rate.Basis.OWN, "2.9", "2.1¢/kg", RateTexts.parse("2.1¢/kg + 2.9%"));
    }

    @Test
    void compoundRateInDollarsOfCigars2402_10_30() {
        assertRate(Rate.Basis.OWN, "4.7", "$1.89/kg", RateTexts.parse("$1.89/kg + 4.7%"));
    }

    @Test
    void section301List3Heading9903_88_03AddsTwentyFivePercent() {
        assertRate(Rate.Basis.ADDED, "25", null,
                RateTexts.parse("The duty provided in the applicable subheading + 25%"));
    }

    @Test
    void section301List1Heading9903_88_01WritesPlus() {
        assertRate(Rate.Basis.ADDED, "25", null,
                RateTexts.parse("The duty provided in the applicable subheading plus 25%"));
    }

    @Test
    void section301List4AHeading9903_88_15AddsSevenAndAHalfPercent() {
        assertRate(Rate.Basis.ADDED, "7.5", null,
                RateTexts.parse("The duty provided in the applicable subheading + 7.5%"));
    }

    @Test
    void canadaPotashHeading9903_01_15WithoutASpaceAfterThePlus() {
        assertRate(Rate.Basis.ADDED, "10", null, RateTexts.parse("The duty provided in the applicable subheading +10%"));
    }

    @Test
    void chassisHeading9903_91_12NamesItsSubheadings() {
        assertRate(Rate.Basis.ADDED, "100", null, RateTexts.parse(
                "The duty provided in subheadings 8716.39.00, 8716.90.30 or 8716.90.50 + 100%"));
    }

    @Test
    void exclusionHeading9903_88_69AddsNothing() {
        assertRate(Rate.Basis.ADDED, "0", null, RateTexts.parse("The duty provided in the applicable subheading"));
    }

    @Test
    void usmcaHeading9903_01_04SaysNoChange() {
        assertRate(Rate.Basis.ADDED, "0", null, RateTexts.parse("No change"));
    }

    @Test
    void switzerlandFloorHeading9903_02_83StatesAWholeRate() {
        assertRate(Rate.Basis.OWN, "15", null, RateTexts.parse("15%"));
    }

    @Test
    void autoPartsHeading9903_74_03OnTheNonUsContentIsNotAPercentOfTheValue() {
        String text = "The duty provided in the applicable subheading + a duty of 25% upon the value of the non-U.S. content";
        Rate rate = RateTexts.parse(text);
        assertEquals(Rate.Basis.ADDED, rate.basis());
        assertFalse(rate.isReadable());
        assertNull(rate.adValorem());
        assertEquals(text, rate.uncounted());
    }

    @Test
    void watch9102_11_10PaysOnItsPartsNotAPercentOfTheWatch() {
        Rate rate = RateTexts.parse("44¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery");
        assertFalse(rate.isReadable());
        assertTrue(rate.isStated());
    }

    @Test
    void russiaHeading9903_90_08HasABlankGeneralColumn() {
        Rate rate = RateTexts.parse("");
        assertFalse(rate.isStated());
        assertFalse(rate.isReadable());
        assertNull(rate.uncounted());
    }

    @Test
    void noBreakSpacesAndRunsOfSpacesAreOneSpace() {
        assertEquals("The duty provided in the applicable subheading + 25%",
                RateTexts.parse(" The duty provided in the\u00a0applicable  subheading + 25%\n").text());
    }

    @Test
    void ratesCompareByDutyNotByHowTheyAreWritten() {
        assertTrue(RateTexts.parse("5%").sameDutyAs(RateTexts.parse("5.0%")));
        assertFalse(RateTexts.parse("5%").sameDutyAs(RateTexts.parse("5.5%")));
        assertFalse(RateTexts.parse("Free").sameDutyAs(RateTexts.parse("0.7¢/kg")));
        assertFalse(RateTexts.parse("25%").sameDutyAs(
                RateTexts.parse("The duty provided in the applicable subheading + 25%")));
    }
}
