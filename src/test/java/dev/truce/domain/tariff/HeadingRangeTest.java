package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Footnote texts of 2026 Revision 10; each test names the line the footnote is printed against. */
class HeadingRangeTest {

    @Test
    void lithiumIonBatteries8507_60_00PointToTwoHeadings() {
        assertEquals(List.of(new HeadingRange("9903.88.15", "9903.88.15"), new HeadingRange("9903.91.06", "9903.91.06")),
                HeadingRange.allIn("See 9903.88.15 and 9903.91.06. "));
    }

    @Test
    void cotton5201_00PointsToTwoRunsOfHeadings() {
        List<HeadingRange> ranges = HeadingRange.allIn(
                "See 9903.52.00 through 9903.52.26 and 9904.52.01 through 9904.52.34.");
        assertEquals(List.of(new HeadingRange("9903.52.00", "9903.52.26"), new HeadingRange("9904.52.01", "9904.52.34")),
                ranges);
        assertTrue(ranges.get(0).contains("9903.52.10"));
        assertFalse(ranges.get(0).contains("9903.52.27"));
    }

    @Test
    void plasticFurniture9403_70_40CitesANoteOfChapter99ButOneHeading() {
        assertEquals(List.of(new HeadingRange("9903.88.04", "9903.88.04")), HeadingRange.allIn("See 9903.88.04 and its "
                + "associated definitional note (U.S. note 20(g) in subchapter III of chapter 99). "));
    }

    @Test
    void theStatisticalNoteOnEveryChapter99LinePointsToNoHeading() {
        assertEquals(List.of(), HeadingRange.allIn(" See chapter 99 statistical note 1. "));
    }

    @Test
    void furniture9403_10_00WithNoBreakSpacesAfterTheNumber() {
        assertEquals(List.of(new HeadingRange("9903.88.03", "9903.88.03")),
                HeadingRange.allIn("See 9903.88.03.\u00a0 \u00a0 \u00a0 \u00a0 \u00a0\u00a0 "));
    }
}
