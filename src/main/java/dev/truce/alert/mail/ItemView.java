package dev.truce.alert.mail;

import java.util.List;

/**
 * One obligation as the templates show it: every value already phrased, none of it trusted (templates escape).
 * {@code number} counts through the whole digest. An empty {@code daysLeft}, {@code compliance} or
 * {@code evidence} is not shown (an outcome notice has none: the obligation no longer counts down, and its
 * compliance is past); {@code meaning}, what the outcome means, is shown only on an outcome notice.
 */
public record ItemView(int number, String id, String title, String party, String kind, String due, String daysLeft,
                       String compliance, String evidence, String meaning, List<String> changes, String lastAlert) {
    public ItemView {
        changes = List.copyOf(changes);
    }
}
