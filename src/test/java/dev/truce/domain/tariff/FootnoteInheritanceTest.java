package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Footnotes printed against a parent record reach the lines under it. The records are the first of heading
 * 5201 (cotton) and three of its quota headings, as 2026 Revision 10 has them (units, special and other
 * columns left out): the 6-digit record 5201.00 carries "See 9903.52.00 through 9903.52.26 ..." against its
 * description, and each rate line its own "See 9903.88.03.".
 */
class FootnoteInheritanceTest {
    private static final TariffSchedule COTTON = TariffSchedule.of(new Revision("2026 Revision 10", "inline", "-"),
            List.of(
                    line("5201.00", 0, "Cotton, not carded or combed:", "",
                            new Footnote(List.of("desc"), "See 9903.52.00 through 9903.52.26 and 9904.52.01 through 9904.52.34.", "endnote")),
                    group(1, "Having a staple length under 28.575 mm (1-1/8 inches):"),
                    line("5201.00.05.00", 2, "Harsh or rough, having a staple length under 19.05 mm (3/4 inch)", "Free",
                            new Footnote(List.of("general"), "See 9903.88.03.", "endnote")),
                    group(2, "Other:"),
                    line("5201.00.12.00", 3, "Described in general note 15 of the tariff schedule and entered pursuant"
                            + " to its provisions", "Free", new Footnote(List.of("general"), "See 9903.88.03.", "endnote")),
                    line("5201.00.18.00", 3, "Other", "31.4¢/kg", new Footnote(List.of("general"), "See 9903.88.03. ", "endnote")),
                    line("9903.52.00", 1, "Purchased and entered pursuant to the Secretary of Agriculture's Special"
                            + " Limited Global Import Quota Announcement", ""),
                    line("9903.52.01", 1, "Purchased and entered pursuant to the Secretary of Agriculture's Special"
                            + " Cotton Import Quota Announcement Number 1", ""),
                    line("9903.52.26", 1, "Purchased and entered pursuant to the Secretary of Agriculture's Special"
                            + " Cotton Import Quota Announcement Number 26", "")));

    private static ScheduleLine line(String htsno, int indent, String description, String general, Footnote... footnotes) {
        return new ScheduleLine(htsno, indent, description, false, general, List.of(footnotes));
    }

    private static ScheduleLine group(int indent, String description) {
        return new ScheduleLine("", indent, description, true, "", List.of());
    }

    private static List<String> numbers(String code) {
        TariffLine line = assertInstanceOf(CodeLookup.Found.class, COTTON.lookup(code)).line();
        return line.references().stream().map(HeadingReference::number).toList();
    }

    @Test
    void rawCotton5201_00_18_00CarriesItsOwnList3AndTheQuotaHeadingsOf5201_00AboveIt() {
        assertEquals(List.of("9903.88.03", "9903.52.00", "9903.52.01", "9903.52.26", "9904.52.01", "9904.52.34"),
                numbers("5201.00.18.00"));
    }

    @Test
    void aRunOfHeadingsIsTheScheduleHeadingsInItAndItsEndsWhenTheScheduleHasNone() {
        TariffLine line = ((CodeLookup.Found) COTTON.lookup("5201.00.05.00")).line();
        HeadingReference quota = line.references().get(1);
        assertEquals("9903.52.00", quota.number());
        assertTrue(quota.isInSchedule());
        HeadingReference notHere = line.references().get(4);
        assertEquals("9904.52.01", notHere.number());
        assertFalse(notHere.isInSchedule());
    }

    @Test
    void theSpecificRateOfOtherRawCotton5201_00_18_00IsNotCounted() {
        Rate base = ((CodeLookup.Found) COTTON.lookup("5201.00.18.00")).line().base();
        assertEquals("31.4¢/kg", base.uncounted());
    }

    @Test
    void aGroupingRecordIsNoCode() {
        assertEquals(new CodeLookup.Missing("5201000900"), COTTON.lookup("5201.00.09.00"));
        assertInstanceOf(CodeLookup.Ambiguous.class, COTTON.lookup("5201"), "Free and 31.4¢/kg");
    }
}
