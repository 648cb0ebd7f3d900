package dev.truce.yaml;

import dev.truce.yaml.spec.ExtensionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the new text goes in the original text, and the text itself, in the file's own indentation
 * ({@link Indentation}) and line breaks (those of the line it follows; after a last line without one, the
 * file's first). Every insertion is whole lines placed right after the last line with content of what it
 * follows, so blank lines and comments after that (which usually introduce what comes next, like a
 * {@code # ---- section ----} line) stay below it; the one exception is a flow list ({@code [..]}), which gets
 * {@code , {...}} after its last item, on that item's line.
 */
final class Placement {
    /**
     * {@code text} goes in at {@code offset} of the original text; a splice that replaces ({@code end} after
     * {@code offset}) puts {@code replacement} in place of the characters up to {@code end}.
     */
    record Splice(int offset, String text, String what, int end, String replacement) {
        Splice(int offset, String text, String what) {
            this(offset, text, what, offset, "");
        }

        /** What the new file holds from {@code offset} on in place of the original's characters up to {@code end}. */
        String written() {
            return text + replacement;
        }
    }

    private final TextLines lines;
    private final Indentation indentation;
    private final EditTarget.Refusals refuse;

    Placement(TextLines lines, Indentation indentation, EditTarget.Refusals refuse) {
        this.lines = lines;
        this.indentation = indentation;
        this.refuse = refuse;
    }

    /**
     * The target's new extensions: after the last item of its block list; inside its flow list; or, with no
     * {@code extensions:} yet, as a new key right after {@code due:} (for the truce, after {@code days:}),
     * which is where the documented key order has it, else at the end of the mapping.
     */
    Splice extensions(EditTarget target) {
        SourceTree.Mapping mapping = target.mapping;
        String what = (target.extensions.size() == 1 ? "an extension of " : "extensions of ") + target.name;
        SourceTree.Entry existing = mapping.entry("extensions");
        if (existing == null) {
            SourceTree.Entry before = mapping.entry(target.id == null ? "days" : "due");
            int after = before == null ? ending(mapping, target) : ending(before.value(), target);
            int key = target.keyColumn(lines);
            int dash = key + indentation.near(Indentation.Kind.LIST, after, mapping.start(), mapping.last());
            List<String> added = new ArrayList<>(List.of(" ".repeat(key) + "extensions:"));
            added.addAll(items(target, dash, indentation.near(Indentation.Kind.ITEM, after, mapping.start(), mapping.last())));
            return afterLine(after, added, what);
        }
        if (!(existing.value() instanceof SourceTree.Sequence list)) {
            throw refuse.at(existing.value().start(), target.name + ": extensions is not a list, so truce cannot "
                    + "add to it; make it a list (or remove the empty key) first");
        }
        if (list.flow()) {
            String items = target.extensions.stream().map(SpecText::flow).collect(Collectors.joining(", "));
            return list.items().isEmpty() ? new Splice(list.start() + 1, items, what)
                    : new Splice(list.items().get(list.items().size() - 1).last() + 1, ", " + items, what);
        }
        int after = ending(list, target);
        int step = indentation.near(Indentation.Kind.ITEM, after, list.start(), list.last());
        return afterLine(after, items(target, lines.column(list.start()), step), what);
    }

    /** The target's outcome, as the last key of its mapping. */
    Splice outcome(EditTarget target) {
        SourceTree.Mapping mapping = target.mapping;
        int after = ending(mapping, target);
        int key = target.keyColumn(lines);
        String indent = " ".repeat(key + indentation.near(Indentation.Kind.MAPPING, after, mapping.start(), mapping.last()));
        List<String> added = new ArrayList<>(List.of(" ".repeat(key) + "outcome:"));
        SpecText.entries(target.outcome).forEach(entry -> added.add(indent + entry));
        return afterLine(after, added, "the outcome of " + target.name);
    }

    /**
     * Top-level keys with one scalar value: a key already written has its value's text replaced (a value on one
     * line, not a block, a list or a mapping); the others go on new lines, together, after the content of the
     * top-level entry before {@code obligations:} (else the last entry), so short settings stay above the list.
     */
    List<Splice> settings(SourceTree.Mapping root, Map<String, String> values) {
        List<Splice> splices = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, String> setting : values.entrySet()) {
            SourceTree.Entry existing = root.entry(setting.getKey());
            if (existing == null) {
                added.add(setting.getKey() + ": " + setting.getValue());
                continue;
            }
            SourceTree.Node value = existing.value();
            boolean oneLine = value instanceof SourceTree.Scalar scalar && scalar.last() >= scalar.start()
                    && lines.lineOf(scalar.start()) == lines.lineOf(scalar.last())
                    && "|>".indexOf(lines.text(lines.lineOf(scalar.start())).charAt(lines.column(scalar.start()))) < 0;
            if (!oneLine) {
                throw refuse.at(value.start(), setting.getKey() + " is not written as one value on its line, so truce "
                        + "cannot replace it; write it as `" + setting.getKey() + ": VALUE` or remove it, then run again");
            }
            splices.add(new Splice(value.start(), "", "the value of " + setting.getKey(), value.last() + 1,
                    setting.getValue()));
        }
        if (!added.isEmpty()) {
            List<SourceTree.Entry> entries = root.entries();
            int at = entries.size() - 1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).key() instanceof SourceTree.Scalar key && key.value().equals("obligations")) {
                    at = Math.max(0, i - 1);
                    break;
                }
            }
            SourceTree.Entry before = entries.get(at);
            int after = settingEnd(before);
            int key = lines.column(entries.get(0).key().start());
            splices.add(afterLine(after, added.stream().map(line -> " ".repeat(key) + line).toList(),
                    String.join(", ", values.keySet().stream().filter(k -> root.entry(k) == null).toList())));
        }
        return splices;
    }

    /** Where a top-level entry's content ends, refusing a block scalar whose end a new line would change. */
    private int settingEnd(SourceTree.Entry entry) {
        SourceTree.Node last = lastValue(entry.value().last() >= entry.key().last() ? entry.value() : entry.key());
        if (last instanceof SourceTree.Scalar scalar && scalar.risk() != null) {
            throw refuse.at(scalar.start(), scalar.risk() + ", so lines inserted after it would change its text; "
                    + "add the setting by hand");
        }
        return entry.last();
    }

    private List<String> items(EditTarget target, int dash, int step) {
        List<String> out = new ArrayList<>();
        for (ExtensionSpec extension : target.extensions) {
            List<String> entries = SpecText.entries(extension);
            out.add(" ".repeat(dash) + "-" + " ".repeat(step - 1) + entries.get(0));
            entries.subList(1, entries.size()).forEach(entry -> out.add(" ".repeat(dash + step) + entry));
        }
        return out;
    }

    /** Where {@code node}'s content ends, refusing when lines inserted after it would change its value. */
    private int ending(SourceTree.Node node, EditTarget target) {
        SourceTree.Node last = lastValue(node);
        if (last instanceof SourceTree.Scalar scalar && scalar.risk() != null) {
            throw refuse.at(scalar.start(), target.name + ": " + scalar.risk() + ", so lines inserted after it would "
                    + "change its text; edit the file by hand");
        }
        return node.last();
    }

    /** The value whose content ends {@code node}'s: its last key's value, that value's last item, and so on. */
    private static SourceTree.Node lastValue(SourceTree.Node node) {
        if (node instanceof SourceTree.Mapping mapping && !mapping.flow() && !mapping.entries().isEmpty()) {
            SourceTree.Entry last = mapping.entries().stream().max(Comparator.comparingInt(SourceTree.Entry::last)).get();
            return last.value().last() >= last.key().last() ? lastValue(last.value()) : last.key();
        }
        if (node instanceof SourceTree.Sequence list && !list.flow() && !list.items().isEmpty()) {
            return lastValue(list.items().stream().max(Comparator.comparingInt(SourceTree.Node::last)).get());
        }
        return node;
    }

    /** Whole lines after the line holding {@code offset}, with that line's break (a last line without one gets one before them). */
    private Splice afterLine(int offset, List<String> added, String what) {
        int line = lines.lineOf(offset);
        String own = lines.lineBreak(line);
        String newline = own.isEmpty() ? lines.firstBreak() : own;
        String body = String.join(newline, added);
        return own.isEmpty() ? new Splice(lines.end(line), newline + body, what)
                : new Splice(lines.next(line), body + newline, what);
    }
}
