package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Revision names from the file names USITC and the archives use. */
class RevisionTest {

    @Test
    void usitcArchiveNames() {
        assertEquals("2026 Revision 21", Revision.nameOf("hts_2026_revision_21_json.json"));
        assertEquals("2025 Basic Edition", Revision.nameOf("hts_2025_basic_edition_json.json"));
    }

    @Test
    void trackerArchiveNamesAndTheFixtures() {
        assertEquals("2026 Revision 10", Revision.nameOf("hts_2026_rev_10.json.gz"));
        assertEquals("2025 Basic Edition", Revision.nameOf("hts_2025_basic.json.gz"));
        assertEquals("2026 Revision 10", Revision.nameOf("hts-2026-rev10-subset.json"));
    }

    @Test
    void anyOtherNameIsKeptAsIs() {
        assertEquals("schedule.json", Revision.nameOf("schedule.json"));
    }
}
