package dev.truce.output;

import dev.truce.domain.Moment;
import java.util.List;

/**
 * One calendar entry for one deadline, before it is written in any calendar format. {@code uid}
 * never changes for the same obligation, so a calendar re-imported after an extension updates the
 * entry instead of adding a second one; {@code sequence} counts the extensions so the update wins.
 */
public record DeadlineEvent(String uid, String summary, String description, Moment deadline, int sequence,
                            List<String> categories, List<Integer> alarmDaysBefore) {
    public DeadlineEvent {
        categories = List.copyOf(categories);
        alarmDaysBefore = List.copyOf(alarmDaysBefore);
    }
}
