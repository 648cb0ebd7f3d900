package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each rule of {@link ComplianceRules}, one case at a time, with a fixed as-of instant. */
class ComplianceRulesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Noon in New York on 2025-07-01. */
    private static final Instant AS_OF = Instant.parse("2025-07-01T16:00:00Z");
    /** A truce from 2025-05-14 that runs a year: its start is the start of an obligation that gives none. */
    private static final Truce TRUCE = Truce.builder("t", Moment.ofDate(LocalDate.parse("2025-05-14")), NEW_YORK, 365)
            .build();
    private final ComplianceRules rules = new ComplianceRules(TRUCE, 30);

    private static Evidence entry(String date, Stance stance, String claimant, Basis basis) {
        Moment moment = date.contains("T") ? Moment.ofDateTime(OffsetDateTime.parse(date)) : Moment.ofDate(LocalDate.parse(date));
        return Evidence.builder("x", moment, stance, claimant, basis, "source of " + date).build();
    }

    private ComplianceState state(Evidence... evidence) {
        return rules.assess(List.of(evidence), AS_OF).state();
    }

    @Test
    void noEntriesIsNoEvidence() {
        Compliance none = rules.assess(List.of(), AS_OF);
        assertEquals(Compliance.NONE, none);
        assertEquals(ComplianceState.NO_EVIDENCE, none.state());
    }

    @Nested
    class Disputed {
        @Test
        void complianceAndBreachByDifferentClaimantsWithinTheWindowIsDisputed() {
            assertEquals(ComplianceState.DISPUTED, state(
                    entry("2025-06-02", Stance.BREACHES, "US", Basis.STATEMENT),
                    entry("2025-06-20", Stance.COMPLIES, "CN", Basis.STATEMENT)));
        }

        @Test
        void disputeWinsOverAnAtRiskNewestEntry() {
            assertEquals(ComplianceState.DISPUTED, state(
                    entry("2025-06-02", Stance.BREACHES, "US", Basis.STATEMENT),
                    entry("2025-06-03", Stance.COMPLIES, "CN", Basis.STATEMENT),
                    entry("2025-06-27", Stance.UNCLEAR, "CN", Basis.STATEMENT)));
        }

        @Test
        void theSameClaimantSayingBothIsNoDispute() {
            assertEquals(ComplianceState.BREACH_ALLEGED, state(
                    entry("2025-06-02", Stance.COMPLIES, "US", Basis.STATEMENT),
                    entry("2025-06-20", Stance.BREACHES, "us", Basis.STATEMENT)));
        }

        @Test
        void claimantsAreComparedWithoutCase() {
            assertEquals(ComplianceState.COMPLYING, state(
                    entry("2025-06-02", Stance.BREACHES, "EU Chamber", Basis.REPORT),
                    entry("2025-06-20", Stance.COMPLIES, "eu chamber", Basis.DATA)));
        }

        @Test
        void theWindowReachesExactlyThirtyDaysBackFromTheNewestEntry() {
            // 2025-05-21 is 30 days before 2025-06-20: inside the window.
            assertEquals(ComplianceState.DISPUTED, state(
                    entry("2025-05-21", Stance.BREACHES, "US", Basis.STATEMENT),
                    entry("2025-06-20", Stance.COMPLIES, "CN", Basis.STATEMENT)));
            // 2025-05-20 is 31 days before: outside, so the statement does not overtake the breach claim.
            assertEquals(ComplianceState.BREACH_ALLEGED, state(
                    entry("2025-05-20", Stance.BREACHES, "US", Basis.STATEMENT),
                    entry("2025-06-20", Stance.COMPLIES, "CN", Basis.STATEMENT)));
        }

        @Test
        void oneOfSeveralClaimantsDisagreeingIsEnough() {
            assertEquals(ComplianceState.DISPUTED, state(
                    entry("2025-06-10", Stance.COMPLIES, "CN", Basis.STATEMENT),
                    entry("2025-06-11", Stance.BREACHES, "CN", Basis.STATEMENT),
                    entry("2025-06-12", Stance.COMPLIES, "desk", Basis.REPORT)));
        }
    }

    @Nested
    class AtRisk {
        @Test
        void aPartialNewestEntryIsAtRisk() {
            assertEquals(ComplianceState.AT_RISK, state(
                    entry("2025-05-14", Stance.COMPLIES, "CN", Basis.ACT),
                    entry("2025-06-16", Stance.PARTIAL, "EU Chamber", Basis.DATA)));
        }

        @Test
        void anUnclearNewestEntryIsAtRiskEvenAfterABreach() {
            assertEquals(ComplianceState.AT_RISK, state(
                    entry("2025-05-01", Stance.BREACHES, "US", Basis.ACT),
                    entry("2025-06-27", Stance.UNCLEAR, "CN", Basis.STATEMENT)));
        }
    }

    @Nested
    class Breaches {
        @Test
        void aBreachClaimOnAStatementIsBreachAlleged() {
            assertEquals(ComplianceState.BREACH_ALLEGED, state(entry("2025-05-30", Stance.BREACHES, "US", Basis.STATEMENT)));
        }

        @Test
        void aBreachClaimOnAReportIsBreachAlleged() {
            assertEquals(ComplianceState.BREACH_ALLEGED, state(entry("2025-05-30", Stance.BREACHES, "desk", Basis.REPORT)));
        }

        @Test
        void aBreachRestingOnAnActIsBreached() {
            assertEquals(ComplianceState.BREACHED, state(entry("2025-05-23", Stance.BREACHES, "CN", Basis.ACT)));
        }

        @Test
        void aBreachRestingOnDataIsBreached() {
            assertEquals(ComplianceState.BREACHED, state(entry("2025-06-05", Stance.BREACHES, "EU Chamber", Basis.DATA)));
        }

        @Test
        void anyHardOpenBreachMakesItBreached() {
            assertEquals(ComplianceState.BREACHED, state(
                    entry("2025-05-01", Stance.BREACHES, "US", Basis.DATA),
                    entry("2025-05-02", Stance.BREACHES, "US", Basis.STATEMENT)));
        }

        @Test
        void aLaterComplianceOnAStatementDoesNotOvertakeABreach() {
            // Same claimant, so no dispute; the statement is not proof.
            assertEquals(ComplianceState.BREACHED, state(
                    entry("2025-05-23", Stance.BREACHES, "CN", Basis.ACT),
                    entry("2025-06-20", Stance.COMPLIES, "CN", Basis.STATEMENT)));
        }

        @Test
        void aLaterComplianceOnAnActOvertakesEveryEarlierBreach() {
            assertEquals(ComplianceState.COMPLYING, state(
                    entry("2025-03-01", Stance.BREACHES, "CN", Basis.ACT),
                    entry("2025-03-02", Stance.BREACHES, "CN", Basis.STATEMENT),
                    entry("2025-05-02", Stance.COMPLIES, "US", Basis.ACT)));
        }

        @Test
        void withinTheWindowAHardComplianceAgainstABreachIsStillADispute() {
            assertEquals(ComplianceState.DISPUTED, state(
                    entry("2025-04-20", Stance.BREACHES, "CN", Basis.STATEMENT),
                    entry("2025-05-02", Stance.COMPLIES, "US", Basis.ACT)));
        }

        @Test
        void aBreachAfterTheHardComplianceCountsAgain() {
            assertEquals(ComplianceState.BREACH_ALLEGED, state(
                    entry("2025-04-01", Stance.BREACHES, "CN", Basis.ACT),
                    entry("2025-04-05", Stance.COMPLIES, "US", Basis.DATA),
                    entry("2025-06-01", Stance.BREACHES, "CN", Basis.STATEMENT)));
        }
    }

    @Nested
    class Complying {
        @Test
        void aComplianceClaimAloneIsComplying() {
            assertEquals(ComplianceState.COMPLYING, state(entry("2025-05-14", Stance.COMPLIES, "CN", Basis.STATEMENT)));
        }

        @Test
        void unclearEarlierEntriesDoNotMatterOnceTheNewestComplies() {
            assertEquals(ComplianceState.COMPLYING, state(
                    entry("2025-05-14", Stance.UNCLEAR, "CN", Basis.REPORT),
                    entry("2025-06-14", Stance.COMPLIES, "CN", Basis.ACT)));
        }
    }

    @Nested
    class AsOf {
        private final List<Evidence> log = List.of(
                entry("2025-05-14", Stance.COMPLIES, "CN", Basis.ACT),
                entry("2025-05-30", Stance.BREACHES, "US", Basis.STATEMENT),
                entry("2025-09-16", Stance.PARTIAL, "EU Chamber", Basis.DATA));

        @Test
        void evidenceDatedAfterTheAsOfMomentIsIgnored() {
            Compliance before = rules.assess(log, Instant.parse("2025-05-20T12:00:00Z"));
            assertEquals(ComplianceState.COMPLYING, before.state());
            assertEquals(1, before.evidenceCount());

            Compliance june = rules.assess(log, Instant.parse("2025-06-10T12:00:00Z"));
            assertEquals(ComplianceState.DISPUTED, june.state());
            assertEquals(2, june.evidenceCount());
            assertEquals("2025-05-30", june.last().orElseThrow().date().iso());

            assertEquals(ComplianceState.AT_RISK, rules.assess(log, Instant.parse("2025-09-20T12:00:00Z")).state());
        }

        @Test
        void aDatedEntryCountsFromTheStartOfItsDayInTheTruceZone() {
            Evidence june30 = entry("2025-06-30", Stance.BREACHES, "US", Basis.STATEMENT);
            // 2025-06-30 00:00 in New York is 04:00 UTC.
            assertEquals(ComplianceState.NO_EVIDENCE,
                    rules.assess(List.of(june30), Instant.parse("2025-06-30T03:59:59Z")).state());
            assertEquals(ComplianceState.BREACH_ALLEGED,
                    rules.assess(List.of(june30), Instant.parse("2025-06-30T04:00:00Z")).state());
        }

        @Test
        void aDateTimeEntryCountsFromItsInstant() {
            Evidence beijingNoon = entry("2025-06-30T12:01+08:00", Stance.COMPLIES, "CN", Basis.ACT);
            assertEquals(0, rules.assess(List.of(beijingNoon), Instant.parse("2025-06-30T04:00:59Z")).evidenceCount());
            assertEquals(1, rules.assess(List.of(beijingNoon), Instant.parse("2025-06-30T04:01:00Z")).evidenceCount());
        }
    }

    @Nested
    class Stale {
        @Test
        void thirtyDaysOldIsNotStaleThirtyOneIs() {
            Evidence june1 = entry("2025-06-01", Stance.COMPLIES, "CN", Basis.ACT);
            assertFalse(rules.assess(List.of(june1), Instant.parse("2025-07-01T16:00:00Z")).stale());
            assertTrue(rules.assess(List.of(june1), Instant.parse("2025-07-02T16:00:00Z")).stale());
        }

        @Test
        void daysAreCountedInTheTruceZone() {
            Evidence june1 = entry("2025-06-01", Stance.COMPLIES, "CN", Basis.ACT);
            // 2025-07-02T03:00Z is still 2025-07-01 in New York: 30 days.
            assertFalse(rules.assess(List.of(june1), Instant.parse("2025-07-02T03:00:00Z")).stale());
        }

        @Test
        void onlyTheNewestEntryDecides() {
            List<Evidence> log = List.of(entry("2025-01-01", Stance.BREACHES, "US", Basis.STATEMENT),
                    entry("2025-06-25", Stance.COMPLIES, "CN", Basis.ACT));
            assertFalse(rules.assess(log, AS_OF).stale());
        }

        @Test
        void theThresholdComesFromTheRegister() {
            Evidence june1 = entry("2025-06-01", Stance.COMPLIES, "CN", Basis.ACT);
            assertTrue(new ComplianceRules(TRUCE, 7).assess(List.of(june1), AS_OF).stale());
        }
    }

    @Test
    void entriesOfOneDayKeepFileOrderSoTheLaterLineIsTheNewest() {
        Compliance compliance = rules.assess(List.of(
                entry("2025-06-27", Stance.UNCLEAR, "CN", Basis.STATEMENT),
                entry("2025-06-27", Stance.COMPLIES, "CN", Basis.ACT)), AS_OF);
        assertEquals(ComplianceState.COMPLYING, compliance.state());
        assertEquals(Stance.COMPLIES, compliance.last().orElseThrow().stance());
    }

    @Test
    void fileOrderDoesNotMatterAcrossDates() {
        assertEquals(ComplianceState.AT_RISK, state(
                entry("2025-06-16", Stance.PARTIAL, "EU Chamber", Basis.DATA),
                entry("2025-05-14", Stance.COMPLIES, "CN", Basis.ACT)));
    }

    @Test
    @Timeout(10)
    void manyEntriesAreAssessedInLinearTime() {
        // Every entry inside one dispute window: a pairwise check would take ~10^10 steps here.
        List<Evidence> log = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            log.add(entry("2025-06-" + (10 + i % 20), i % 2 == 0 ? Stance.BREACHES : Stance.COMPLIES, "US", Basis.STATEMENT));
        }
        assertEquals(ComplianceState.BREACH_ALLEGED, rules.assess(log, AS_OF).state());
    }

    /**
     * A purchase with a target: the newest cumulative amount against the target, and falling behind the pace
     * needed makes it at-risk. The truce starts 2025-05-14; as of 2025-07-01, 49 days have passed (both ends
     * counted) and the deadline 2025-12-31 leaves 184 days to buy in.
     */
    @Nested
    class Purchases {
        private final StatusCalculator calculator = new StatusCalculator(TRUCE, AlertSettings.defaults());

        private Obligation purchase(Moment effective) {
            return Obligation.builder("beans").kind(Kind.PURCHASE).party("CN").due("2025-12-31").effective(effective)
                    .target(new Target(new java.math.BigDecimal("12"), "MMT")).build();
        }

        private Evidence bought(String date, String amount) {
            return Evidence.builder("beans", Moment.ofDate(LocalDate.parse(date)), Stance.COMPLIES, "US", Basis.DATA,
                    "USDA").amount(new java.math.BigDecimal(amount)).build();
        }

        private Compliance assess(Obligation purchase, Evidence... evidence) {
            return rules.assess(List.of(evidence), AS_OF, calculator.statusOf(purchase, AS_OF), false);
        }

        @Test
        void behindThePaceNeededIsAtRiskEvenWhenTheObligationStartsWithTheTruce() {
            // 1.0 MMT in 49 days is about 0.02 a day; the 11 MMT missing need about 0.06 a day.
            Compliance compliance = assess(purchase(null), bought("2025-07-01", "1.0"));
            Progress progress = compliance.progress().orElseThrow();
            assertEquals(new java.math.BigDecimal("8.3"), progress.percent());
            assertTrue(progress.soFarPerDay().isPresent(), "the pace so far counts from the truce's start");
            assertTrue(progress.behind());
            assertEquals(ComplianceState.AT_RISK, compliance.state());
        }

        @Test
        void aheadOfThePaceStaysComplying() {
            Compliance compliance = assess(purchase(null), bought("2025-07-01", "6.0"));
            assertFalse(compliance.progress().orElseThrow().behind());
            assertEquals(ComplianceState.COMPLYING, compliance.state());
        }

        @Test
        void anObligationsOwnStartCountsInsteadOfTheTruces() {
            // From 2025-06-21: 11 days; 2.5 MMT is about 0.23 a day against about 0.05 needed.
            Compliance compliance = assess(purchase(Moment.ofDate(LocalDate.parse("2025-06-21"))),
                    bought("2025-07-01", "2.5"));
            assertEquals(0, new java.math.BigDecimal("2.5").divide(new java.math.BigDecimal("11"),
                    java.math.MathContext.DECIMAL64).compareTo(compliance.progress().orElseThrow().soFarPerDay().orElseThrow()));
            assertEquals(ComplianceState.COMPLYING, compliance.state());
        }

        @Test
        void theNewestAmountCountsAndATargetReachedIsNeverBehind() {
            Compliance compliance = assess(purchase(null), bought("2025-06-01", "3"), bought("2025-06-30", "12.5"));
            Progress progress = compliance.progress().orElseThrow();
            assertEquals(new java.math.BigDecimal("12.5"), progress.latest());
            assertTrue(progress.reached());
            assertFalse(progress.behind());
        }
    }
}
