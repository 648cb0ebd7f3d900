package dev.truce.alert;

import dev.truce.domain.Ack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Basis;
import dev.truce.domain.Compliance;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Stance;
import dev.truce.yaml.ObligationsFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trigger rules, with a fixed moment per call and the ledger as a plain list. */
class AlertRulesTest {
    private static final String DESK = "desk@example.com";
    private static final String OWNER = "owner@example.com";
    /** "through 2026-06-30" in New York passes at 2026-07-01 00:00 EDT. */
    private static final Instant DUE = Instant.parse("2026-07-01T04:00:00Z");

    @TempDir
    Path dir;

    private final List<SentAlert> ledger = new ArrayList<>();

    private Register register(String fixedExtensions) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2026-01-01T00:01-05:00
                  timezone: America/New_York
                  days: 300
                alerts:
                  thresholds: [30, 14, 7, 3, 1, 0]
                  recipients: [desk@example.com]
                stale_after_days: 30
                obligations:
                  - id: fixed
                    title: Fixed deadline
                    party: US
                    kind: paused-tariff
                    due: 2026-06-30
                    owner: Owner@Example.com
                    recipients: [owner@example.com, desk@example.com]
                %s
                  - id: open
                    title: Open ended
                    party: CN
                    kind: other
                    due: none
                """.formatted(fixedExtensions));
        return new ObligationsFileReader().read(file, "obligations.yaml").register();
    }

    private Register register() throws IOException {
        return register("");
    }

    private static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    private ObligationStatus status(Register register, String id, Instant now) {
        return new StatusCalculator(register.truce(), register.alerts())
                .statusOf(register.find(id).orElseThrow(), now);
    }

    private List<Trigger> triggers(Register register, String id, Instant now, String recipient) {
        return triggers(register, status(register, id, now), now, recipient);
    }

    private List<Trigger> triggers(Register register, ObligationStatus status, Instant now, String recipient) {
        return new AlertRules(register).triggers(status, now, new SentLog(ledger), recipient);
    }

    /** Sends what is due (for the recipient), as a run whose mail was accepted would record it. */
    private List<Trigger> run(Register register, ObligationStatus status, Instant now, String recipient) {
        List<Trigger> due = triggers(register, status, now, recipient);
        due.forEach(t -> ledger.add(new SentAlert(t.key(), recipient, now, "<id@test>")));
        return due;
    }

    private List<Trigger> run(Register register, String id, Instant now) {
        return run(register, status(register, id, now), now, DESK);
    }

    private static String describe(List<Trigger> triggers) {
        return String.join(", ", triggers.stream().map(t -> t.kind().label()
                + (t.key().threshold() == null ? "" : " " + t.key().threshold())).toList());
    }

    @Test
    void aThresholdIsSentOnceAndTheNextOnlyWhenCrossed() throws IOException {
        Register register = register();
        assertEquals("", describe(run(register, "fixed", at("2026-05-30T12:00:00Z"))), "31 days left: nothing yet");
        assertEquals("threshold 30", describe(run(register, "fixed", at("2026-05-31T12:00:00Z"))), "30 days left");
        assertEquals("", describe(run(register, "fixed", at("2026-05-31T13:00:00Z"))), "second run: nothing new");
        assertEquals("", describe(run(register, "fixed", at("2026-06-15T12:00:00Z"))), "15 days left");
        assertEquals("threshold 14", describe(run(register, "fixed", at("2026-06-16T11:00:00Z"))));
        assertEquals("threshold 0", describe(run(register, "fixed", at("2026-06-30T11:00:00Z"))),
                "after a gap, one alert at the smallest threshold crossed, not 7, 3, 1 and 0");
        assertEquals("", describe(run(register, "fixed", at("2026-06-30T22:00:00Z"))));
    }

    @Test
    void daysAreCountedInTheTruceZone() throws IOException {
        Register register = register();
        // 2026-06-24 23:30 in New York is already the 25th in UTC: 6 days left there, not 5
        assertEquals("threshold 7", describe(run(register, "fixed", at("2026-06-25T03:30:00Z"))));
        assertEquals(6, status(register, "fixed", at("2026-06-25T03:30:00Z")).daysLeft().orElseThrow());
    }

    @Test
    void aPassedDeadlineIsSaidOnceThenRemindedEveryWeekUntilAnOutcomeIsRecorded() throws IOException {
        Register register = register();
        assertEquals("threshold 0", describe(run(register, "fixed", at("2026-06-30T12:00:00Z"))));
        assertEquals("expired", describe(run(register, "fixed", DUE)), "the instant it passes: outcome not recorded");
        assertEquals("", describe(run(register, "fixed", at("2026-07-02T12:00:00Z"))), "the next day: nothing");
        assertEquals("", describe(run(register, "fixed", at("2026-07-07T12:00:00Z"))), "6 days after: nothing");
        assertEquals("unresolved", describe(run(register, "fixed", at("2026-07-08T12:00:00Z"))), "7 days after");
        assertEquals("", describe(run(register, "fixed", at("2026-07-09T12:00:00Z"))));
        assertEquals("unresolved", describe(run(register, "fixed", at("2026-07-16T12:00:00Z"))), "14 days after");

        Register recorded = withOutcome(register, "lapsed");
        assertEquals("outcome", describe(run(recorded, "fixed", at("2026-07-17T12:00:00Z"))), "one notice");
        assertEquals("", describe(run(recorded, "fixed", at("2026-07-18T12:00:00Z"))), "then nothing");
        assertEquals("", describe(run(recorded, "fixed", at("2026-07-30T12:00:00Z"))), "nor a reminder");
    }

    @Test
    void aFirstRunLongAfterTheDeadlineSaysItOnceThenRemindsAWeekLaterNotAtTheNextRun() throws IOException {
        Register register = register();
        assertEquals("expired", describe(run(register, "fixed", at("2026-08-20T12:00:00Z"))),
                "50 days after, the first run here: the deadline passed, outcome not recorded");
        assertEquals("", describe(run(register, "fixed", at("2026-08-20T13:00:00Z"))), "an hour later: nothing");
        assertEquals("", describe(run(register, "fixed", at("2026-08-26T12:00:00Z"))), "6 days later: nothing");
        assertEquals("unresolved", describe(run(register, "fixed", at("2026-08-27T12:00:00Z"))),
                "a week after the first notice: the reminder");
        assertEquals("", describe(run(register, "fixed", at("2026-08-28T12:00:00Z"))));
        assertEquals("unresolved", describe(run(register, "fixed", at("2026-09-03T12:00:00Z"))), "and a week later");
    }

    @Test
    void anOutcomeGoesOnlyToThoseWhoHeardOfTheDeadline() throws IOException {
        Register recorded = withOutcome(register(), "ended");
        assertEquals("", describe(triggers(recorded, "fixed", at("2026-07-17T12:00:00Z"), DESK)),
                "nobody here was told about the deadline: nothing to correct");
    }

    private static Register withOutcome(Register register, String result) {
        dev.truce.domain.Obligation fixed = register.find("fixed").orElseThrow();
        dev.truce.domain.Outcome outcome = new dev.truce.domain.Outcome(
                dev.truce.domain.Labels.require(dev.truce.domain.OutcomeResult.class, result),
                LocalDate.of(2026, 7, 16), null, List.of(), null, "Notice 1", null);
        return register.withObligations(register.obligations().stream()
                .map(o -> o == fixed ? o.toBuilder().outcome(outcome).build() : o).toList());
    }

    @Test
    void anExtensionIsAnnouncedOnceAndReArmsTheThresholds() throws IOException {
        Register before = register();
        assertEquals("threshold 7", describe(run(before, "fixed", at("2026-06-24T12:00:00Z"))));
        Register extended = register("""
                    extensions:
                      - decided: 2026-06-26
                        until: 2026-08-15
                        source: Order 7
                """);
        assertEquals("", describe(run(extended, "fixed", at("2026-06-25T12:00:00Z"))),
                "known from its decided day only: before that, the old deadline stands (5 days left, 7 sent)");
        List<Trigger> after = run(extended, "fixed", at("2026-06-29T12:00:00Z"));
        assertEquals("extended", describe(after), "47 days left: no threshold crossed for the new deadline");
        assertEquals("Order 7", after.get(0).extensionSource().orElseThrow().source());
        assertEquals(Instant.parse("2026-08-16T04:00:00Z"), after.get(0).key().deadline());
        assertEquals("", describe(run(extended, "fixed", at("2026-06-30T12:00:00Z"))), "announced once");
        assertEquals("threshold 30", describe(run(extended, "fixed", at("2026-07-16T12:00:00Z"))),
                "the 30-day threshold was sent for the old deadline and fires again for the new one");
        assertEquals("threshold 7", describe(run(extended, "fixed", at("2026-08-08T12:00:00Z"))));
    }

    @Test
    void aRecipientWhoNeverHeardOfTheOldDeadlineHearsOfAFreshExtensionOnly() throws IOException {
        Register extended = register("""
                    extensions:
                      - decided: 2026-06-26
                        until: 2026-12-31
                        source: Order 7
                """);
        assertEquals("extended", describe(triggers(extended, "fixed", at("2026-06-29T12:00:00Z"), DESK)));
        assertEquals("", describe(triggers(extended, "fixed", at("2026-08-29T12:00:00Z"), DESK)),
                "two months later the extension is history");
    }

    @Test
    void openEndedObligationsGetOnlyComplianceAndStaleNews() throws IOException {
        Register register = register();
        Instant now = at("2026-06-30T12:00:00Z");
        ObligationStatus open = status(register, "open", now);
        assertEquals("", describe(run(register, open, now, DESK)), "no deadline, no evidence: nothing ever");
        ObligationStatus alleged = open.withCompliance(compliance(ComplianceState.BREACH_ALLEGED, "2026-06-29", false));
        assertEquals("compliance", describe(run(register, alleged, now, DESK)));
    }

    @Test
    void complianceChangesAreSentAndSoIsTheirResolution() throws IOException {
        Register register = register();
        Instant now = at("2026-03-01T12:00:00Z");
        ObligationStatus base = status(register, "fixed", now);
        Instant later = now.plusSeconds(3600);
        Instant latest = later.plusSeconds(3600);
        assertEquals("", describe(run(register,
                base.withCompliance(compliance(ComplianceState.COMPLYING, "2026-02-01", false)), now, DESK)),
                "complying from the start is not news");
        List<Trigger> alleged = run(register,
                base.withCompliance(compliance(ComplianceState.BREACH_ALLEGED, "2026-02-20", false)), now, DESK);
        assertEquals("compliance", describe(alleged));
        assertTrue(alleged.get(0).previous().isEmpty(), "nothing was heard before: no 'from' state");
        assertEquals("", describe(run(register,
                base.withCompliance(compliance(ComplianceState.BREACH_ALLEGED, "2026-02-25", false)), now, DESK)),
                "more evidence, same state: not news");
        List<Trigger> breached = run(register,
                base.withCompliance(compliance(ComplianceState.BREACHED, "2026-02-26", false)), later, DESK);
        assertEquals("compliance", describe(breached));
        assertEquals(ComplianceState.BREACH_ALLEGED, breached.get(0).previous().orElseThrow());
        List<Trigger> resolved = run(register,
                base.withCompliance(compliance(ComplianceState.COMPLYING, "2026-02-28", false)), latest, DESK);
        assertEquals("resolved", describe(resolved));
        assertEquals(ComplianceState.BREACHED, resolved.get(0).previous().orElseThrow());
        assertEquals("compliance", describe(run(register,
                base.withCompliance(compliance(ComplianceState.BREACHED, "2026-03-01", false)), latest.plusSeconds(60), DESK)),
                "breached again on new evidence is news again");
    }

    @Test
    void staleEvidenceIsSentOnceWhileItIsNews() throws IOException {
        Register register = register();
        // newest entry 2026-03-01, stale after 30 days: stale from 2026-04-01
        Compliance stale = compliance(ComplianceState.COMPLYING, "2026-03-01", true);
        Instant now = at("2026-04-02T12:00:00Z");
        assertEquals("stale", describe(run(register, status(register, "open", now).withCompliance(stale), now, DESK)));
        assertEquals("", describe(run(register, status(register, "open", now).withCompliance(stale), now, DESK)));
        ledger.clear();
        Instant later = at("2026-05-05T12:00:00Z");
        assertEquals("", describe(run(register, status(register, "open", later).withCompliance(stale), later, DESK)),
                "stale for more than 30 days: history");
    }

    @Test
    void aPassedDeadlineGetsNoComplianceOrStaleNews() throws IOException {
        Register register = register();
        Instant now = at("2026-07-02T12:00:00Z");
        ObligationStatus expired = status(register, "fixed", now)
                .withCompliance(compliance(ComplianceState.BREACHED, "2026-07-01", true));
        assertEquals("expired", describe(triggers(register, expired, now, DESK)));
    }

    @Test
    void eachRecipientHasTheirOwnLedgerAndAddressesAreComparedInLowerCase() throws IOException {
        Register register = register();
        Instant now = at("2026-06-01T12:00:00Z");
        ObligationStatus fixed = status(register, "fixed", now);
        run(register, fixed, now, DESK);
        List<Digest> digests = new AlertRules(register).digests(List.of(fixed), now, new SentLog(ledger), List.of());
        assertEquals(1, digests.size(), "owner (also in recipients) once; desk already has it");
        assertEquals(OWNER, digests.get(0).recipient());
        assertEquals(List.of("fixed"), digests.get(0).obligationIds());
        assertEquals(Optional.of(29), digests.get(0).nextDeadlineDays());
    }

    @Test
    void anAckSilencesUntilItsDateOrUntilTheStateOrDeadlineChanges() throws IOException {
        Register register = register();
        Instant now = at("2026-06-01T12:00:00Z");
        ObligationStatus fixed = status(register, "fixed", now);
        Ack untilJune10 = new Ack("t-1", "fixed", now, "ana", "known", LocalDate.of(2026, 6, 10),
                Instant.parse("2026-06-11T04:00:00Z"), ComplianceState.NO_EVIDENCE, DUE);
        AlertRules rules = new AlertRules(register);
        assertTrue(rules.digests(List.of(fixed), now, SentLog.EMPTY, List.of(untilJune10)).isEmpty());

        Instant june11 = at("2026-06-11T12:00:00Z");
        assertEquals(2, rules.digests(List.of(status(register, "fixed", june11)), june11, SentLog.EMPTY,
                List.of(untilJune10)).size(), "the ack is over: desk and owner hear of it");

        Ack untilChange = new Ack("t-1", "fixed", now, "ana", "known", null, null, ComplianceState.NO_EVIDENCE, DUE);
        assertTrue(rules.digests(List.of(status(register, "fixed", june11)), june11, SentLog.EMPTY,
                List.of(untilChange)).isEmpty());
        ObligationStatus alleged = status(register, "fixed", june11)
                .withCompliance(compliance(ComplianceState.BREACH_ALLEGED, "2026-06-11", false));
        assertEquals(Optional.of("compliance changed to breach-alleged"), untilChange.liftedBy(alleged, june11));
        assertEquals(2, rules.digests(List.of(alleged), june11, SentLog.EMPTY, List.of(untilChange)).size());

        Ack onOldDeadline = new Ack("t-1", "fixed", now, "ana", "known", null, null, ComplianceState.NO_EVIDENCE,
                DUE.minusSeconds(86_400));
        assertEquals(Optional.of("deadline moved"), onOldDeadline.liftedBy(status(register, "fixed", june11), june11));
    }

    private static Compliance compliance(ComplianceState state, String newestDate, boolean stale) {
        Evidence newest = Evidence.builder("x", Moment.ofDate(LocalDate.parse(newestDate)), Stance.BREACHES, "US",
                Basis.STATEMENT, "a statement").build();
        return new Compliance(state, stale, 1, Optional.of(newest));
    }
}
