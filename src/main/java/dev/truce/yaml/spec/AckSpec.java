package dev.truce.yaml.spec;

import dev.truce.domain.Ack;
import dev.truce.domain.AckEntry;
import dev.truce.domain.AckLift;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Due;
import dev.truce.domain.Moment;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import dev.truce.yaml.Violations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One entry of the acks file: an ack (with {@code acked}) or a lift (with {@code lifted}). Whether its obligation
 * exists is checked by the reader, which knows obligations.yaml. The keys are in the order truce writes them (on
 * one line: see {@code AckBinding}), {@code by} last.
 */
@Spec(doc = "One entry of the acks file, written by truce ack (an ack: acked, compliance, due, reason) or truce ack "
        + "lift (a lift: lifted). An ack silences an obligation's alerts while its compliance state and deadline "
        + "stay as they were, through `until` if given, and until a lift of the obligation written after it.",
        expected = "a mapping with obligation, acked (an ack) or lifted (a lift), and by",
        schema = "{\"oneOf\": [{\"required\": [\"acked\", \"compliance\", \"due\", \"reason\"], "
                + "\"not\": {\"required\": [\"lifted\"]}}, "
                + "{\"required\": [\"lifted\"], \"not\": {\"anyOf\": [{\"required\": [\"acked\"]}, "
                + "{\"required\": [\"until\"]}, {\"required\": [\"compliance\"]}, {\"required\": [\"due\"]}]}}]}")
public record AckSpec(
        @Key(required = true, doc = "The id of an obligation in obligations.yaml.", pattern = ObligationsFileChecks.ID,
                expected = "expected an obligation id from obligations.yaml") String obligation,
        @Key(doc = "An ack: when it was given (set by truce ack).") Instant acked,
        @Key(doc = "A lift: when the ack in force was lifted (set by truce ack lift). From then on no ack given "
                + "before it silences the obligation.") Instant lifted,
        @Key(doc = "An ack: the last day it holds, in the truce's zone. Without it, it holds until the compliance "
                + "state or the deadline changes.") LocalDate until,
        @Key(doc = "An ack: the compliance state the obligation had when acknowledged; the ack holds only while it "
                + "stays.") ComplianceState compliance,
        @Key(doc = "An ack: the deadline in force when acknowledged (none for an obligation without one); the ack "
                + "holds only while it stays.", expected = "expected the deadline: none, a date or a date-time with "
                + "offset", schema = "{\"not\": {\"const\": \"truce-end\"}}") Due due,
        @Key(doc = "Why (an ack: required).", maxLength = AckSpec.MAX_REASON,
                expected = "expected why, at most " + AckSpec.MAX_REASON + " characters") String reason,
        @Key(required = true, doc = "Who (set by truce ack from --by, else $LOGNAME or the account's user name).",
                oneLine = true, maxLength = AckSpec.MAX_BY,
                expected = "expected who, on one line, at most " + AckSpec.MAX_BY + " characters") String by) {

    /** The longest reason and name an entry holds (those the alert ledger held, where acks lived before). */
    public static final int MAX_REASON = 2000;
    public static final int MAX_BY = 200;

    public AckSpec {
        Violations problems = new Violations();
        if (acked != null && lifted != null) {
            problems.add("lifted", "an entry is an ack (acked) or a lift (lifted), not both");
        } else if (acked == null && lifted == null) {
            problems.add("", "missing acked (an ack) or lifted (a lift)");
        } else if (acked != null) {
            requireForAck(problems, "compliance", compliance);
            requireForAck(problems, "due", due);
            requireForAck(problems, "reason", reason);
            if (due != null && due.type() == Due.Type.TRUCE_END) {
                problems.add("due", "is the deadline in force when acknowledged: none, a date or a date-time with "
                        + "offset, not truce-end");
            }
        } else {
            forbidOnLift(problems, "until", until);
            forbidOnLift(problems, "compliance", compliance);
            forbidOnLift(problems, "due", due);
        }
        problems.throwIfAny();
    }

    private static void requireForAck(Violations problems, String key, Object value) {
        if (value == null) {
            problems.add(key, "missing: an ack (acked) records " + key + " (truce ack writes it)");
        }
    }

    private static void forbidOnLift(Violations problems, String key, Object value) {
        if (value != null) {
            problems.add(key, "a lift (lifted) takes no " + key + ": it ends the ack in force, whatever it was given for");
        }
    }

    /** The domain entry: {@code zone} turns until and due into instants, {@code truceId} is the file's truce. */
    public AckEntry toDomain(String truceId, ZoneId zone) {
        if (lifted != null) {
            return new AckLift(obligation, lifted, by, reason);
        }
        return new Ack(truceId, obligation, acked, by, reason, until, until == null ? null : Moment.ofDate(until).end(zone),
                compliance, due.type() == Due.Type.NONE ? null : due.fixed().end(zone));
    }

    /** The entry as truce writes it: the inverse of {@link #toDomain}; a deadline at the end of a day is that day. */
    public static AckSpec of(AckEntry entry, ZoneId zone) {
        if (entry instanceof Ack ack) {
            return new AckSpec(ack.obligationId(), ack.ackedAt(), null, ack.untilDate(), ack.state(),
                    ack.deadline() == null ? Due.NONE : Due.at(moment(ack.deadline(), zone)), ack.reason(), ack.by());
        }
        AckLift lift = (AckLift) entry;
        return new AckSpec(lift.obligationId(), null, lift.liftedAt(), null, null, null, lift.reason(), lift.by());
    }

    private static Moment moment(Instant deadline, ZoneId zone) {
        LocalDate day = deadline.atZone(zone).toLocalDate().minusDays(1);
        return Moment.ofDate(day).end(zone).equals(deadline) ? Moment.ofDate(day)
                : Moment.ofDateTime(deadline.atZone(zone).toOffsetDateTime());
    }
}
