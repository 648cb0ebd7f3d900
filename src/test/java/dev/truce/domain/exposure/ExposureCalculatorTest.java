package dev.truce.domain.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Duty;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arithmetic of exposure: stacking, matching, each outcome, and what is not known. */
class ExposureCalculatorTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Effective 2025-05-14 00:01 EDT; 90 days, so it ends 2025-08-12 00:01 EDT (no extensions here). */
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90).title("A truce").build();
    private static final Instant JUNE = ny("2025-06-01T00:00");
    private static final Instant SEPTEMBER = ny("2025-09-01T00:00");
    private static final Product MAGNETS = new Product("8505.11.0070", "US", new BigDecimal("2400000"), "NdFeB magnets");

    private static Instant ny(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), NEW_YORK).toInstant();
    }

    private static Duty duty(String market, int kept, int lapsed) {
        return new Duty(market, BigDecimal.valueOf(kept), BigDecimal.valueOf(lapsed));
    }

    private static Obligation.Builder covering(String id, Duty duty, String... covers) {
        return Obligation.builder(id).kind(Kind.PAUSED_TARIFF).covers(List.of(covers)).duty(duty);
    }

    private static Outcome outcome(OutcomeResult result, String decided, String effective, Integer duty,
                                   String... by) {
        return new Outcome(result, decided == null ? null : LocalDate.parse(decided),
                effective == null ? null : Moment.parse(effective), List.of(by),
                duty == null ? null : BigDecimal.valueOf(duty), "a source", null);
    }

    private static Exposure exposure(Instant asOf, Product product, Obligation... obligations) {
        Register register = new Register(TRUCE, AlertSettings.defaults(), List.of(obligations), 30);
        return new ExposureCalculator(register, asOf).exposure(product);
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, n(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void ratesOfEveryCoveringObligationInTheMarketStack() {
        Exposure e = exposure(JUNE, MAGNETS,
                covering("reciprocal", duty("US", 10, 34), "all").build(),
                covering("fentanyl", duty("US", 20, 20), "all").due(Due.NONE).build(),
                covering("magnet-cut", duty("US", new BigDecimal("2.5").intValue(), 25), "8505.11").build(),
                covering("china-side", duty("CN", 10, 34), "all").build(),
                covering("furniture", duty("US", 5, 50), "9403").build());
        assertAmount("32", e.dutyNow().orElseThrow());
        assertEquals(List.of("reciprocal", "fentanyl", "magnet-cut"),
                e.duties().stream().map(Exposure.DutyShare::obligation).toList(),
                "China's own tariff is not paid on US imports; furniture is another product");
        assertAmount("768000.00", e.costNow().orElseThrow());
    }

    @Test
    void decimalRatesAndValuesAreExact() {
        Product product = new Product("2846.90", "US", new BigDecimal("1234.56"), null);
        Exposure e = exposure(JUNE, product, Obligation.builder("a").covers(List.of("2846"))
                .duty(new Duty("US", new BigDecimal("7.5"), new BigDecimal("12.25"))).build());
        assertAmount("7.5", e.dutyNow().orElseThrow());
        assertAmount("92.59", e.costNow().orElseThrow()); // 92.592 to the cent
        assertAmount("58.64", e.ifLapsed().get(0).extraCost()); // 1234.56 × 4.75 / 100 = 58.6416
    }

    @Test
    void aPrefixMatchesLongerCodesAndDotsDoNotMatter() {
        Obligation heading = covering("heading", duty("US", 1, 2), "85.05").build();
        Obligation exact = covering("exact", duty("US", 10, 20), "8505110070").build();
        Obligation longer = covering("longer", duty("US", 100, 200), "8505.11.0070.1").build();
        Obligation sibling = covering("sibling", duty("US", 100, 200), "8505.19").build();
        Exposure e = exposure(JUNE, MAGNETS, heading, exact, longer, sibling);
        assertEquals(List.of("heading", "exact"), e.duties().stream().map(Exposure.DutyShare::obligation).toList(),
                "a code longer than the product's, or a sibling heading, does not cover it");
        assertAmount("11", e.dutyNow().orElseThrow());
        Product chapter = new Product("85", "US", null, null);
        assertEquals(List.of(), exposure(JUNE, chapter, heading, exact).duties(),
                "a chapter is not covered by a heading under it (status --hts matches that way; exposure does not)");
    }

    @Test
    void oneObligationWithOverlappingPrefixesCountsOnce() {
        Exposure e = exposure(JUNE, MAGNETS, covering("twice", duty("US", 10, 34), "8505", "8505.11", "85.05", "all").build());
        assertAmount("10", e.dutyNow().orElseThrow());
        assertEquals(1, e.duties().size());
    }

    @Test
    void aDeadlineAheadSaysWhatItsLapseWouldCost() {
        Exposure e = exposure(JUNE, MAGNETS,
                covering("reciprocal", duty("US", 10, 34), "all").build(),
                covering("exclusion", duty("US", 0, 25), "8505.11").due("2025-07-01").build(),
                covering("open-ended", duty("US", 5, 50), "all").due(Due.NONE).build());
        assertEquals(List.of("exclusion", "reciprocal"), e.ifLapsed().stream().map(Exposure.Lapse::obligation).toList(),
                "soonest first; an obligation with no deadline cannot lapse at one");
        Exposure.Lapse exclusion = e.ifLapsed().get(0);
        assertAmount("40", exclusion.knownDuty().orElseThrow());
        assertAmount("600000", exclusion.extraCost());
        assertEquals(ny("2025-07-02T00:00"), exclusion.deadlineInstant());
        assertEquals(30, exclusion.daysLeft());
        Exposure.Lapse reciprocal = e.ifLapsed().get(1);
        assertAmount("39", reciprocal.knownDuty().orElseThrow()); // 34 + 5, and the exclusion (whose deadline passed by then) held
        assertAmount("576000", reciprocal.extraCost());
        assertAmount("1176000", e.extraCostIfAllLapse());
    }

    @Test
    void eachOutcomeInEffect() {
        Obligation.Builder base = covering("x", duty("US", 10, 34), "all");
        assertRate("34", base.outcome(outcome(OutcomeResult.LAPSED, "2025-08-12", null, null)).build());
        assertRate("25", base.outcome(outcome(OutcomeResult.LAPSED, "2025-08-12", null, 25)).build());
        assertRate("10", base.outcome(outcome(OutcomeResult.PERMANENT, "2025-08-12", null, null)).build());
        assertRate("0", base.outcome(outcome(OutcomeResult.ENDED, "2025-08-12", null, null)).build());
        assertRate("0", base.outcome(outcome(OutcomeResult.REPLACED, "2025-08-12", null, null, "y")).build());
        assertRate("5", base.outcome(outcome(OutcomeResult.ENDED, "2025-08-12", null, 5)).build());
        assertRate("10", base.outcome(outcome(OutcomeResult.FULFILLED, "2025-08-12", null, null)).build());
    }

    private static void assertRate(String expected, Obligation obligation) {
        Exposure e = exposure(SEPTEMBER, MAGNETS, obligation);
        assertAmount(expected, e.dutyNow().orElseThrow());
        assertEquals(List.of(), e.unresolved());
        assertEquals(List.of(), e.ifLapsed(), "settled: nothing left to lapse");
    }

    @Test
    void anOutcomeCountsFromItsEffectiveInstantAndOnlyOnceKnown() {
        Obligation voided = covering("x", duty("US", 10, 34), "all").due(Due.NONE)
                .outcome(outcome(OutcomeResult.ENDED, "2025-07-01", "2025-07-05T00:01-04:00", 0)).build();
        assertAmount("10", exposure(ny("2025-06-30T12:00"), MAGNETS, voided).dutyNow().orElseThrow(), "not yet known");
        assertAmount("10", exposure(ny("2025-07-04T12:00"), MAGNETS, voided).dutyNow().orElseThrow(), "known, not in effect");
        assertAmount("0", exposure(ny("2025-07-05T00:01"), MAGNETS, voided).dutyNow().orElseThrow(), "in effect");
    }

    private static void assertAmount(String expected, BigDecimal actual, String why) {
        assertEquals(0, n(expected).compareTo(actual), () -> why + ": expected " + expected + ", got " + actual);
    }

    @Test
    void aPassedDeadlineWithNoOutcomeShowsBothDutiesAndNeverGuesses() {
        Exposure e = exposure(SEPTEMBER, MAGNETS,
                covering("reciprocal", duty("US", 10, 34), "all").build(),
                covering("fentanyl", duty("US", 20, 20), "all").due(Due.NONE).build());
        assertEquals(Optional.empty(), e.dutyNow(), "no single duty: it depends on what happened");
        assertTrue(e.isUnresolved());
        assertAmount("30", e.now().ifKept());
        assertAmount("54", e.now().ifLapsed());
        Exposure.Unresolved u = e.unresolved().get(0);
        assertEquals("reciprocal", u.obligation());
        assertEquals(20, u.daysPassed());
        assertAmount("576000", u.extraCost());
        assertEquals(Optional.empty(), e.costNow());
        assertAmount("720000", e.costIfKept());
        assertAmount("1296000", e.costIfLapsed());
        assertEquals(Optional.empty(), e.duties().get(0).rate());
        assertEquals(List.of(), e.ifLapsed(), "its deadline is not ahead");
    }

    @Test
    void aLapseAheadBesideAnUnrecordedOutcomeGivesBothDutiesNotAGuess() {
        Exposure e = exposure(SEPTEMBER, MAGNETS,
                covering("reciprocal", duty("US", 10, 34), "all").build(),
                covering("exclusion", duty("US", 0, 25), "8505.11").due("2025-12-31").build());
        Exposure.Lapse exclusion = e.ifLapsed().get(0);
        assertEquals(Optional.empty(), exclusion.knownDuty(), "the reciprocal rate is one of two after its deadline");
        assertAmount("35", exclusion.duty().ifKept());
        assertAmount("59", exclusion.duty().ifLapsed());
        assertAmount("600000", exclusion.extraCost(), "what this lapse adds is known either way");
    }

    @Test
    void anUnresolvedOutcomeThatChangesNothingLeavesTheDutyKnown() {
        Exposure e = exposure(SEPTEMBER, MAGNETS, covering("flat", duty("US", 10, 10), "all").build());
        assertAmount("10", e.dutyNow().orElseThrow());
        assertTrue(e.isUnresolved(), "still said: the outcome is not recorded");
    }

    @Test
    void beforeItStartsASuspensionLeavesTheLapsedRateAndAMeasureNothing() {
        Obligation cut = covering("cut", duty("US", 10, 20), "all").effective(Moment.parse("2025-11-10T00:01-05:00"))
                .due(Due.NONE).build();
        Obligation surcharge = covering("surcharge", duty("US", 10, 0), "all").kind(Kind.MEASURE)
                .effective(Moment.parse("2026-02-24T00:01-05:00")).due("2026-07-24T00:01-04:00").build();
        Exposure before = exposure(JUNE, MAGNETS, cut, surcharge);
        assertAmount("20", before.dutyNow().orElseThrow(), "the 20% the cut will bring down applies until then");
        Exposure during = exposure(ny("2026-03-01T00:00"), MAGNETS, cut, surcharge);
        assertAmount("20", during.dutyNow().orElseThrow(), "10 + the surcharge's 10");
        Exposure.Lapse runsOut = during.ifLapsed().get(0);
        assertEquals("surcharge", runsOut.obligation());
        assertAmount("10", runsOut.knownDuty().orElseThrow());
        assertAmount("-240000", runsOut.extraCost(), "a surcharge that runs out lowers the duty");
    }

    @Test
    void aReplacementContributesNothingBeforeItStartsSoOneDutyIsNotCountedTwice() {
        Obligation old = covering("old", duty("US", 10, 34), "all")
                .outcome(outcome(OutcomeResult.REPLACED, "2025-08-11", null, null, "new")).build();
        Obligation successor = covering("new", duty("US", 10, 34), "all")
                .effective(Moment.parse("2025-08-12T00:01-04:00")).due("2026-11-10T00:01-05:00").build();
        assertAmount("10", exposure(JUNE, MAGNETS, old, successor).dutyNow().orElseThrow());
        assertAmount("10", exposure(SEPTEMBER, MAGNETS, old, successor).dutyNow().orElseThrow());
    }

    @Test
    void exportControlsThatCoverTheProductAreASupplyRiskUntilTheyEnd() {
        Obligation licensing = Obligation.builder("licensing").kind(Kind.EXPORT_CONTROL).party("CN")
                .covers(List.of("8505.11")).due(Due.NONE).build();
        Obligation ended = Obligation.builder("ended").kind(Kind.SUSPENDED_COUNTERMEASURE).party("CN")
                .covers(List.of("all")).outcome(outcome(OutcomeResult.ENDED, "2025-05-20", "2025-05-20", null)).due(Due.NONE)
                .effective(Moment.parse("2025-05-14")).build();
        Obligation elsewhere = Obligation.builder("elsewhere").kind(Kind.EXPORT_CONTROL).covers(List.of("2846"))
                .due(Due.NONE).build();
        Obligation purchase = Obligation.builder("purchase").kind(Kind.PURCHASE).due(Due.NONE).build();
        Exposure e = exposure(JUNE, MAGNETS, licensing, ended, elsewhere, purchase);
        assertEquals(List.of("licensing"), e.supplyRisk());
        assertAmount("0", e.dutyNow().orElseThrow());
    }

    @Test
    void theDutyOverTimeStepsAtStartsDeadlinesAndOutcomes() {
        Obligation reciprocal = covering("reciprocal", duty("US", 10, 34), "all").build();
        Obligation surcharge = covering("surcharge", duty("US", 10, 0), "all").kind(Kind.MEASURE)
                .effective(Moment.parse("2025-07-01")).due(Due.NONE)
                .outcome(outcome(OutcomeResult.ENDED, "2025-07-15", "2025-07-20", null)).build();
        Register register = new Register(TRUCE, AlertSettings.defaults(), List.of(reciprocal, surcharge), 30);
        ExposureCalculator calculator = new ExposureCalculator(register, JUNE.plusSeconds(86_400 * 60));
        List<LayerStep> steps = calculator.layerSteps(calculator.exposure(MAGNETS), ny("2025-05-01T00:00"),
                ny("2025-12-01T00:00"));
        assertEquals(List.of(
                new LayerStep(ny("2025-05-01T00:00"), List.of(), Share.certain(n("34"))),
                new LayerStep(ny("2025-05-14T00:01"), List.of(), Share.certain(n("10"))),
                new LayerStep(ny("2025-07-01T00:00"), List.of(), Share.certain(n("20"))),
                new LayerStep(ny("2025-07-20T00:00"), List.of(), Share.certain(n("10"))),
                new LayerStep(ny("2025-08-12T00:01"), List.of(), Share.either(n("10"), n("34")))), steps);
    }

    @Test
    void theTotalAddsProductsAndSaysWhenItIsNotKnown() {
        Register register = new Register(TRUCE, AlertSettings.defaults(), List.of(
                covering("reciprocal", duty("US", 10, 34), "85").build(),
                covering("farm", duty("CN", 0, 10), "1201").due(Due.NONE).build()), 30);
        Product soybeans = new Product("1201.90", "CN", n("1000"), "soybeans");
        ExposureReport known = new ExposureCalculator(register, JUNE).report(List.of(MAGNETS, soybeans));
        assertEquals(List.of("US", "CN"), known.totals().stream().map(ExposureTotal::market).toList(),
                "one total per market, never one sum across them");
        ExposureTotal us = known.totals().get(0);
        ExposureTotal cn = known.totals().get(1);
        assertAmount("2400000", us.value());
        assertAmount("240000", us.costNow().orElseThrow());
        assertAmount("576000", us.extraCostIfAllLapse());
        assertAmount("1000", cn.value());
        assertAmount("0", cn.costNow().orElseThrow());
        ExposureReport later = new ExposureCalculator(register, SEPTEMBER).report(List.of(MAGNETS, soybeans));
        ExposureTotal usLater = later.totals().get(0);
        assertFalse(usLater.costNow().isPresent());
        assertAmount("240000", usLater.costIfKept());
        assertAmount("816000", usLater.costIfLapsed());
        assertEquals(1, usLater.unresolvedProducts());
        assertEquals(0, later.totals().get(1).unresolvedProducts());
    }
}
