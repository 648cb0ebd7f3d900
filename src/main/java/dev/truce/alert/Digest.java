package dev.truce.alert;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one recipient is told in one run: one email, items by section ({@link DigestSection}), each
 * section in {@link AlertRules#ATTENTION_ORDER}.
 */
public record Digest(String recipient, List<DigestItem> items) {
    public Digest {
        items = List.copyOf(items);
    }

    /** The items of each section that has any, sections in their order, items in the digest's. */
    public SortedMap<DigestSection, List<DigestItem>> sections(int actionWithinDays) {
        SortedMap<DigestSection, List<DigestItem>> sections = new TreeMap<>();
        items.forEach(item -> sections.computeIfAbsent(item.topic(actionWithinDays).section(),
                s -> new java.util.ArrayList<>()).add(item));
        return sections;
    }

    /** The items counted under each topic (each item once, under its own), topics in their order. */
    public Map<Topic, List<DigestItem>> topics(int actionWithinDays) {
        Map<Topic, List<DigestItem>> topics = new EnumMap<>(Topic.class);
        items.forEach(item -> topics.computeIfAbsent(item.topic(actionWithinDays), t -> new java.util.ArrayList<>())
                .add(item));
        return topics;
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
