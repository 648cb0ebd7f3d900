package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which ack holds: news lifts it (Ack), and so does a lift written after it; a broken entry is never honoured. */
class AcksTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90).title("T").build();
    private static final StatusCalculator CALCULATOR = new StatusCalculator(TRUCE, AlertSettings.defaults());
    private static final Instant T0 = Instant.parse("2025-07-01T16:00:00Z");
    private static final ObligationStatus X = status("x", T0);
    private static final ObligationStatus Y = status("y", T0);

    private static ObligationStatus status(String id, Instant at) {
        Obligation obligation = Obligation.builder(id).title(id).party("US").kind(Kind.OTHER)
                .effective(Moment.ofDate(LocalDate.parse("2025-05-20"))).due(Due.at(Moment.ofDate(LocalDate.parse("2025-09-30"))))
                .build();
        return CALCULATOR.statusOf(obligation, at).withCompliance(new Compliance(ComplianceState.NO_EVIDENCE, false, 0,
                Optional.empty()));
    }

    private static Ack ack(String id, Instant at, String reason) {
        return new Ack("t", id, at, "ana", reason, null, null, ComplianceState.NO_EVIDENCE, X.deadlineInstant().orElseThrow());
    }

    private static AckLift lift(String id, Instant at) {
        return new AckLift(id, at, "bo", "answered");
    }

    private static Map<String, Ack> inForce(Acks acks, Instant at) {
        return acks.inForce(List.of(status("x", at), status("y", at)), at);
    }

    @Test
    void aLiftEndsTheAckOfItsObligationFromItsMomentOnAndNoOther() {
        Ack x = ack("x", T0, "x known");
        Ack y = ack("y", T0, "y known");
        Acks acks = new Acks(List.of(x, y, lift("x", T0.plusSeconds(3600))), Set.of());
        assertEquals(Map.of("x", x, "y", y), inForce(acks, T0.plusSeconds(3599)), "an --as-of before the lift");
        assertEquals(Map.of("y", y), inForce(acks, T0.plusSeconds(3600)));
        assertEquals(Optional.of("lifted by bo on 2025-07-01"), acks.liftedBy(x, X, T0.plusSeconds(7200), NEW_YORK));
        assertEquals(Optional.empty(), acks.liftedBy(y, Y, T0.plusSeconds(7200), NEW_YORK));
    }

    @Test
    void anAckGivenAfterTheLiftHoldsAgain() {
        Ack again = ack("x", T0.plusSeconds(7200), "again");
        Acks acks = new Acks(List.of(ack("x", T0, "first"), lift("x", T0.plusSeconds(3600)), again), Set.of());
        assertEquals(Map.of("x", again), inForce(acks, T0.plusSeconds(7200)));
        assertEquals(Map.of(), inForce(acks, T0.plusSeconds(5000)), "between the lift and the new ack");
    }

    @Test
    void withinOneSecondTheFileOrderSaysWhichCameFirst() {
        Ack before = ack("x", T0, "before");
        Ack after = ack("x", T0, "after");
        Acks acks = new Acks(List.of(before, lift("x", T0), after), Set.of());
        assertEquals(after, inForce(acks, T0).get("x"));
        assertEquals(Optional.of("lifted by bo on 2025-07-01"), acks.liftedBy(before, X, T0, NEW_YORK));
    }

    @Test
    void aLiftWrittenBeforeAnAckInTheFileButLaterInTimeStillLiftsIt() {
        // a union merge of two clones puts one clone's entries after the other's, whatever their times
        Ack ack = ack("x", T0.plusSeconds(60), "from the other clone");
        Acks acks = new Acks(List.of(lift("x", T0.plusSeconds(120)), ack), Set.of());
        assertEquals(Map.of(), inForce(acks, T0.plusSeconds(180)));
        assertEquals(ack, inForce(acks, T0.plusSeconds(90)).get("x"));
    }

    @Test
    void newsStillLiftsAnAckAsBefore() {
        Ack ack = ack("x", T0, "known");
        Acks acks = new Acks(List.of(ack), Set.of());
        ObligationStatus breached = X.withCompliance(new Compliance(ComplianceState.BREACHED, false, 1, Optional.empty()));
        assertEquals(Map.of(), acks.inForce(List.of(breached), T0));
        assertEquals(Optional.of("compliance changed to breached"), acks.liftedBy(ack, breached, T0, NEW_YORK));
    }

    @Test
    void anObligationWithAnUnreadableEntryHasNoAckInForceTheOthersKeepTheirs() {
        Ack x = ack("x", T0, "x known");
        Ack y = ack("y", T0, "y known");
        Acks acks = new Acks(List.of(x, y), Set.of("x"));
        assertEquals(Map.of("y", y), inForce(acks, T0));
        assertEquals(Optional.of("not honoured: an entry for it cannot be read"), acks.liftedBy(x, X, T0, NEW_YORK));
    }

    @Test
    void aBrokenPartTiedToNoObligationLeavesNoAckInForce() {
        Ack y = ack("y", T0, "y known");
        Acks acks = new Acks(List.of(y), Set.of(), true);
        assertEquals(Map.of(), inForce(acks, T0));
        assertEquals(Optional.of("not honoured: an entry of the file cannot be read"), acks.liftedBy(y, Y, T0, NEW_YORK));
    }

    @Test
    void theNewestAckInForceIsTheOneShownAndAnAckNotYetGivenIsNot() {
        Ack first = ack("x", T0, "first");
        Ack second = ack("x", T0.plusSeconds(60), "second");
        Acks acks = new Acks(List.of(second, first), Set.of());
        assertEquals(second, inForce(acks, T0.plusSeconds(60)).get("x"));
        assertEquals(first, inForce(acks, T0.plusSeconds(30)).get("x"));
        assertEquals(Map.of(), inForce(acks, T0.minusSeconds(1)));
    }
}
