package dev.truce.domain.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Duty;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import dev.truce.domain.tariff.CodeLookup;
import dev.truce.domain.tariff.TariffLine;
import dev.truce.testing.HtsFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layers the US schedule adds outside the truce, read from the trimmed 2026 Revision 10 export. */
class ScheduleLayersTest {
    private static Base.Scheduled line(String code) {
        TariffLine line = ((CodeLookup.Found) HtsFixture.revision10().lookup(code)).line();
        return new Base.Scheduled(line, "2026 Revision 10");
    }

    private static List<String> layers(ScheduleLayers.At at) {
        return at.layers().stream().map(l -> l.name() + " " + Amounts.rate(l.rate().ifKept()) + " " + l.source()).toList();
    }

    @Test
    void theBaseIsTheAdValoremPartOfTheGeneralRateAndSection301ItsHeadingsRate() {
        ScheduleLayers.At magnets = ScheduleLayers.on(line("8505.11.0070"), LocalDate.of(2026, 3, 1), true, Map.of());
        assertEquals(List.of("MFN 2.1 8505.11.00 general rate '2.1%', 2026 Revision 10", "301 25 9903.91.06"),
                layers(magnets));
        assertEquals(List.of(), magnets.notCounted());
    }

    @Test
    void aStagedHeadingCountsFromItsDate() {
        assertEquals(List.of("MFN 2.1 8505.11.00 general rate '2.1%', 2026 Revision 10"),
                layers(ScheduleLayers.on(line("8505.11.0070"), LocalDate.of(2025, 12, 31), true, Map.of())),
                "9903.91.06: effective with respect to entries on or after January 1, 2026");
    }

    @Test
    void theReviewsRateReplacesTheListsRateItDoesNotAddToIt() {
        assertEquals(List.of("MFN 3.4 8507.60.00 general rate '3.4%', 2026 Revision 10", "301 7.5 9903.88.15"),
                layers(ScheduleLayers.on(line("8507.60.00.90"), LocalDate.of(2025, 6, 1), true, Map.of())));
        assertEquals(List.of("MFN 3.4 8507.60.00 general rate '3.4%', 2026 Revision 10",
                "301 25 9903.91.06, in place of 9903.88.15"),
                layers(ScheduleLayers.on(line("8507.60.00.90"), LocalDate.of(2026, 3, 1), true, Map.of())),
                "USTR 89 FR 76581: from 7.5% to 25% in 2026, not 32.5%");
    }

    @Test
    void theChinaListsApplyToProductsOfChinaOnly() {
        assertEquals(List.of("MFN 0 8542.31.00 general rate 'Free', 2026 Revision 10"),
                layers(ScheduleLayers.on(line("8542.31.00"), LocalDate.of(2026, 3, 1), false, Map.of())),
                "origin HK: 9903.91.05 is for articles the product of China");
    }

    @Test
    void anExclusionIsSaidAndNotCounted() {
        ScheduleLayers.At crib = ScheduleLayers.on(line("9403.99.50.05"), LocalDate.of(2026, 3, 1), true, Map.of());
        assertEquals(List.of("MFN 0 9403.99.50 general rate 'Free', 2026 Revision 10", "301 25 9903.88.03"), layers(crib));
        assertEquals(List.of("9903.88.69: a Section 301 exclusion or exemption; which goods it covers is not in the "
                + "schedule (model it as an obligation)"), crib.notCounted());
        assertEquals(List.of(), ScheduleLayers.on(line("9403.99.50.05"), LocalDate.of(2026, 11, 10), true, Map.of())
                .notCounted(), "the exclusion ends 'through November 9, 2026'");
    }

    @Test
    void theSpecificPartOfACompoundRateIsSaidAndNotCounted() {
        ScheduleLayers.At glues = ScheduleLayers.on(line("3505.20.00.00"), LocalDate.of(2026, 3, 1), true, Map.of());
        assertEquals("MFN 2.9 3505.20.00.00 general rate '2.1¢/kg + 2.9%', 2026 Revision 10", layers(glues).get(0));
        assertTrue(glues.notCounted().contains("the specific part of the general rate of 3505.20.00.00: 2.1¢/kg"),
                glues.notCounted()::toString);
    }

    @Test
    void aHeadingAnObligationModelsIsCountedOnceInTheTruceLayer() {
        Truce truce = Truce.builder("t", Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")),
                ZoneId.of("America/New_York"), 90).title("T").build();
        Obligation list4A = Obligation.builder("list-4a-cut").kind(Kind.PAUSED_TARIFF).due(Due.NONE)
                .hts(List.of("9903.88.15")).covers(List.of("8507.60"))
                .duty(new Duty("US", new BigDecimal("7.5"), new BigDecimal("15"))).build();
        Register register = new Register(truce, AlertSettings.defaults(), List.of(list4A), 30);
        ExposureCalculator calculator = new ExposureCalculator(register,
                LocalDate.of(2025, 6, 1).atStartOfDay(ZoneId.of("America/New_York")).toInstant());
        Exposure e = calculator.exposure(new Product("8507.60.00.90", "US", BigDecimal.ONE, null), line("8507.60.00.90"));
        assertEquals(List.of("MFN 3.4", "list-4a-cut 7.5"), e.layers().stream()
                .map(l -> l.name() + " " + Amounts.rate(l.rate().ifKept())).toList(),
                "9903.88.15 comes from the obligation that names it, not a second time from the schedule");
        assertEquals(new BigDecimal("10.9"), e.knownLanded().orElseThrow());
        Product other = new Product("8507.60.00.90", "US", null, BigDecimal.ONE, null, null);
        Exposure uncovered = new ExposureCalculator(new Register(truce, AlertSettings.defaults(), List.of(
                list4A.toBuilder().covers(List.of("8542")).build()), 30), calculator.asOf())
                .exposure(other, line("8507.60.00.90"));
        assertEquals(List.of("MFN 3.4", "301 7.5"), uncovered.layers().stream()
                .map(l -> l.name() + " " + Amounts.rate(l.rate().ifKept())).toList(),
                "an obligation that does not cover the product does not take its heading away");
    }
}
