package dev.truce.output.calendar;

import dev.truce.domain.Moment;
import java.util.List;

/**
 * One calendar entry for one deadline, before it is written in any calendar format. {@code uid}
 * never changes for the same obligation, so a calendar re-imported after an extension updates the
 * entry instead of adding a second one; {@code sequence} counts the extensions so the update wins.
 */
public record DeadlineEvent(String uid, String summary, String description, Moment deadline, int sequence,
                            List<String> categories, List<Integer> alarmDaysBefore, Status status) {
    /** RFC 5545 STATUS: none for a deadline in force, TENTATIVE for a reported one, CANCELLED for one that ended. */
    public enum Status { NONE, TENTATIVE, CANCELLED }

    public DeadlineEvent {
        categories = List.copyOf(categories);
        alarmDaysBefore = List.copyOf(alarmDaysBefore);
    }

    public DeadlineEvent(String uid, String summary, String description, Moment deadline, int sequence,
                         List<String> categories, List<Integer> alarmDaysBefore) {
        this(uid, summary, description, deadline, sequence, categories, alarmDaysBefore, Status.NONE);
    }
}
