package dev.truce.testing;

import dev.truce.domain.tariff.TariffSchedule;
import dev.truce.hts.HtsExportReader;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The trimmed USITC exports in src/test/resources/hts (see the README there): unmodified records of 2026
 * Revision 10 and of the 2025 Basic Edition. Each is read once per test run.
 */
public final class HtsFixture {
    public static final String REVISION_10_2026 = "/hts/hts-2026-rev10-subset.json";
    public static final String BASIC_2025 = "/hts/hts-2025-basic-subset.json";

    private static TariffSchedule revision10;
    private static TariffSchedule basic2025;

    private HtsFixture() {
    }

    public static Path path(String resource) {
        try {
            return Path.of(HtsFixture.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 2026 Revision 10: headings 1201, 2805, 2846, 3505, 8505, 8507, 8541, 8542, 9403 and their chapter-99 lines. */
    public static synchronized TariffSchedule revision10() {
        if (revision10 == null) {
            revision10 = new HtsExportReader().read(path(REVISION_10_2026));
        }
        return revision10;
    }

    /** The 2025 Basic Edition (January 2025): headings 8505 and 8507 and their chapter-99 lines. */
    public static synchronized TariffSchedule basic2025() {
        if (basic2025 == null) {
            basic2025 = new HtsExportReader().read(path(BASIC_2025));
        }
        return basic2025;
    }
}
