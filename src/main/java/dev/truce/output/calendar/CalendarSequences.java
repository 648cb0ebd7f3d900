package dev.truce.output.calendar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SEQUENCE for each event, against the calendar emitted last time: a calendar client takes an event it already
 * has as a change only when SEQUENCE rises. It rises when the deadline moves, by an extension or by a hand
 * correction of the due date, or when the summary changes; it never falls. With nothing emitted before, an
 * event's sequence is the number of extensions known, as it always was.
 */
public final class CalendarSequences {
    /** What was emitted for one UID. */
    public record Emitted(int sequence, String deadline, String summary) {
    }

    private CalendarSequences() {
    }

    public static List<DeadlineEvent> apply(List<DeadlineEvent> events, Map<String, Emitted> last) {
        return events.stream().map(event -> withSequence(event, last.get(event.uid()))).toList();
    }

    public static Map<String, Emitted> remember(List<DeadlineEvent> events) {
        Map<String, Emitted> emitted = new LinkedHashMap<>();
        for (DeadlineEvent event : events) {
            emitted.put(event.uid(), new Emitted(event.sequence(), event.deadline().iso(), event.summary()));
        }
        return emitted;
    }

    private static DeadlineEvent withSequence(DeadlineEvent event, Emitted before) {
        if (before == null) {
            return event;
        }
        boolean changed = !before.deadline().equals(event.deadline().iso()) || !before.summary().equals(event.summary());
        int sequence = Math.max(event.sequence(), changed ? before.sequence() + 1 : before.sequence());
        return new DeadlineEvent(event.uid(), event.summary(), event.description(), event.deadline(), sequence,
                event.categories(), event.alarmDaysBefore());
    }
}
