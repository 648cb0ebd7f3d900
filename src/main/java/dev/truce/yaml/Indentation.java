package dev.truce.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a file indents, measured where it does so, so inserted lines look like their neighbours in 2-space,
 * 4-space and mixed files: how far a nested mapping's keys sit right of its key, how far a list's dashes
 * sit right of its key (0 when written at the key's column), how far an item's keys sit right of its dash.
 * A measure is taken from the nearest place of its kind inside the region being edited, else the nearest in
 * the file, else 2 (0 for dashes is as common, but 2 is what the shipped file and the docs write).
 */
final class Indentation {
    enum Kind { MAPPING, LIST, ITEM }

    private record Sample(Kind kind, int offset, int width) {
    }

    private static final int DEFAULT = 2;
    private final List<Sample> samples = new ArrayList<>();

    static Indentation of(SourceTree.Node root, TextLines lines) {
        Indentation measured = new Indentation();
        measured.walk(root, lines);
        return measured;
    }

    /** The width of {@code kind} nearest to {@code at}, preferring those between {@code from} and {@code to}. */
    int near(Kind kind, int at, int from, int to) {
        Comparator<Sample> nearest = Comparator.comparingInt(s -> Math.abs(s.offset() - at));
        return samples.stream().filter(s -> s.kind() == kind && s.offset() >= from && s.offset() <= to).min(nearest)
                .or(() -> samples.stream().filter(s -> s.kind() == kind).min(nearest))
                .map(Sample::width).orElse(DEFAULT);
    }

    private void walk(SourceTree.Node node, TextLines lines) {
        if (node instanceof SourceTree.Mapping mapping && !mapping.flow()) {
            for (SourceTree.Entry entry : mapping.entries()) {
                int key = lines.column(entry.key().start());
                if (entry.value() instanceof SourceTree.Mapping nested && !nested.flow() && !nested.entries().isEmpty()) {
                    add(Kind.MAPPING, nested.start(), lines.column(nested.entries().get(0).key().start()) - key);
                } else if (entry.value() instanceof SourceTree.Sequence list && !list.flow()) {
                    add(Kind.LIST, list.start(), lines.column(list.start()) - key);
                }
                walk(entry.value(), lines);
            }
        } else if (node instanceof SourceTree.Sequence list && !list.flow()) {
            int dash = lines.column(list.start());
            for (SourceTree.Node item : list.items()) {
                if (item instanceof SourceTree.Mapping mapping && !mapping.flow() && !mapping.entries().isEmpty()) {
                    add(Kind.ITEM, item.start(), lines.column(mapping.entries().get(0).key().start()) - dash);
                }
                walk(item, lines);
            }
        }
    }

    private void add(Kind kind, int offset, int width) {
        // "-" then a key on the next line one column right cannot be written on one line; a key left of its parent is no step
        if (width >= (kind == Kind.LIST ? 0 : kind == Kind.ITEM ? 2 : 1)) {
            samples.add(new Sample(kind, offset, width));
        }
    }
}
