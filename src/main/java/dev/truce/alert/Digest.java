package dev.truce.alert;

import java.util.List;
import java.util.Optional;

/** Everything one recipient is told in one run: one email, items in {@link AlertRules#ATTENTION_ORDER}. */
public record Digest(String recipient, List<DigestItem> items) {
    public Digest {
        items = List.copyOf(items);
    }

    /** Days to the nearest deadline that has not passed, among the items. */
    public Optional<Integer> nextDeadlineDays() {
        return items.stream()
                .filter(item -> item.status().timeline().isOpen())
                .flatMap(item -> item.status().daysLeft().stream())
                .min(Integer::compare);
    }

    /** The ledger keys this digest records once sent (each alert's key, with the recipient), sorted. */
    public List<String> alertKeys() {
        return items.stream().flatMap(item -> item.triggers().stream()).map(t -> t.key().value()).sorted().toList();
    }

    public List<String> obligationIds() {
        return items.stream().map(item -> item.status().id()).toList();
    }
}
