package dev.truce.alert.mail;

import java.util.List;

/** One obligation as the templates show it: every value already phrased, none of it trusted (templates escape). */
public record ItemView(String id, String title, String party, String kind, String due, String daysLeft,
                       String compliance, String evidence, List<String> changes, String lastAlert, boolean urgent) {
    public ItemView {
        changes = List.copyOf(changes);
    }
}
