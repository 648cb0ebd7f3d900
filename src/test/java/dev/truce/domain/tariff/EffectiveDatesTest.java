package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Entry dates in the descriptions of chapter-99 headings of 2026 Revision 10; each test names the heading. */
class EffectiveDatesTest {

    @Test
    void fourYearReviewHeading9903_91_06StartsOnJanuary1_2026() {
        EffectivePeriod period = EffectiveDates.in("Effective with respect to entries on or after January 1, 2026, "
                + "articles the product of China, as provided for in subdivision (g) of U.S. note 31 to this subchapter");
        assertEquals(new EffectivePeriod(LocalDate.of(2026, 1, 1), null), period);
    }

    @Test
    void fourYearReviewHeading9903_91_04EndsBeforeJanuary1_2026() {
        EffectivePeriod period = EffectiveDates.in("Effective with respect to entries on or after January 1, 2025, and "
                + "before January 1, 2026, articles the product of China, as provided for in subdivision (e) of U.S. "
                + "note 31 to this subchapter");
        assertEquals(new EffectivePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), period);
    }

    @Test
    void exclusionHeading9903_88_69RunsThroughNovember9_2026Inclusive() {
        EffectivePeriod period = EffectiveDates.in("Effective with respect to entries on or after June 15, 2024 and "
                + "through November 9, 2026, articles the product of China, as provided for in U.S. note 20(vvv) to "
                + "this subchapter, each covered by an exclusion granted by the U.S. Trade Representative");
        assertEquals(new EffectivePeriod(LocalDate.of(2024, 6, 15), LocalDate.of(2026, 11, 10)), period);
    }

    @Test
    void chassisHeading9903_91_12WithACommaBeforeOnOrAfter() {
        EffectivePeriod period = EffectiveDates.in("Effective with respect to entries, on or after November 10, 2026, "
                + "of intermodal chassis, subassemblies thereof, and parts thereof (provided for in statistical reporting "
                + "number 8716.39.0090, or in subheadings 8716.90.30 or 8716.90.50), articles the product of China, as "
                + "provided for in subdivision (k)(i) of U.S. note 31 to this subchapter, except as provided in heading "
                + "9903.91.13.");
        assertEquals(LocalDate.of(2026, 11, 10), period.from());
    }

    @Test
    void syringeHeading9903_91_10NamesTheGoodsBeforeTheDates() {
        EffectivePeriod period = EffectiveDates.in("Notwithstanding heading 9903.91.03, effective with respect to entries"
                + " of enteral syringes, of China, on or after September 27, 2024, and before January 1, 2026 (described"
                + " in statistical reporting number 9018.31.0080)");
        assertEquals(new EffectivePeriod(LocalDate.of(2024, 9, 27), LocalDate.of(2026, 1, 1)), period);
    }

    @Test
    void list3Heading9903_88_03StatesNoDates() {
        assertEquals(EffectivePeriod.ALWAYS, EffectiveDates.in("Except as provided in headings 9903.88.13, 9903.88.18,"
                + " 9903.88.33, 9903.88.34, 9903.88.35, 9903.88.36, 9903.88.37, 9903.88.38, 9903.88.40, 9903.88.41,"
                + " 9903.88.43, 9903.88.45, 9903.88.46, 9903.88.48, 9903.88.56, 9903.88.64, 9903.88.66, 9903.88.67,"
                + " 9903.88.68, or 9903.88.69, articles the product of China, as provided for in U.S. note 20(e) to this"
                + " subchapter and as provided for in the subheadings enumerated in U.S. note 20(f)"));
    }

    @Test
    void indiaHeading9903_01_84FromAnExecutiveOrderUntilItsTermination() {
        EffectivePeriod period = EffectiveDates.in("Except for products described in headings 9903.01.85-9903.01.89, "
                + "articles the product of India that are entered for consumption, or withdrawn from warehouse for "
                + "consumption, after 12:01 a.m. eastern daylight time on August 27, 2025, as provided for in "
                + "subdivision (z) of U.S. note 2 to this subchapter [Compiler's note: provision terminated as of "
                + "February 7, 2026.]");
        assertEquals(new EffectivePeriod(LocalDate.of(2025, 8, 27), LocalDate.of(2026, 2, 7)), period);
    }

    @Test
    void section122TransitHeading9903_03_02EndsWithItsEntryDeadline() {
        EffectivePeriod period = EffectiveDates.in("Articles the product of any country that (1) were loaded onto a "
                + "vessel at the port of loading and in transit on the final mode of transit prior to entry into the "
                + "United States, before 12:01 a.m. eastern standard time on February 24, 2026; and (2) are entered for "
                + "consumption, or withdrawn from warehouse for consumption, before 12:01 a.m. eastern standard time on "
                + "February 28, 2026");
        assertEquals(new EffectivePeriod(null, LocalDate.of(2026, 2, 28)), period);
    }

    @Test
    void heading9903_19_23ExpiredAtTheCloseOfADayAndEndsTheDayAfter() {
        EffectivePeriod period = EffectiveDates.in("Provided for in subheading 1901.90.62 [Compiler's note: Subheading"
                + " was enacted; expired at the close of Dec. 31, 2022]");
        assertEquals(new EffectivePeriod(null, LocalDate.of(2023, 1, 1)), period);
    }

    @Test
    void aPeriodCoversItsFirstDayAndNotItsEnd() {
        EffectivePeriod period = new EffectivePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        assertEquals(false, period.covers(LocalDate.of(2024, 12, 31)));
        assertEquals(true, period.covers(LocalDate.of(2025, 1, 1)));
        assertEquals(true, period.covers(LocalDate.of(2025, 12, 31)));
        assertEquals(false, period.covers(LocalDate.of(2026, 1, 1)));
    }
}
