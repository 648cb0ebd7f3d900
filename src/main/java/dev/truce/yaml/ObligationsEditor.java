package dev.truce.yaml;

import dev.truce.domain.Extension;
import dev.truce.domain.Outcome;
import dev.truce.domain.TruceException;
import dev.truce.yaml.spec.ExtensionSpec;
import dev.truce.yaml.spec.OutcomeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records news in obligations.yaml by inserting text, the way {@code cargo add} edits Cargo.toml: every
 * character outside the inserted lines stays as the person wrote it (comments, blank lines, key order,
 * quoting, a byte-order mark, the lack of a final line break). The new lines take the file's own line break
 * and the indentation of their neighbours. Where the text goes is {@link Placement}'s rule; what cannot be
 * edited safely as text is refused with a bad-input error naming the file, line and column.
 *
 * <p>Edits can be chained: every place is found in the original text, then all are applied at once. Before
 * {@link #text()} returns, the new text is read back and must hold exactly the old values plus the new
 * entries ({@link EditCheck}); the caller still reads it as obligations.yaml and compares the model.
 */
public final class ObligationsEditor {
    /**
     * Inserted text, exactly as inserted at {@code offset} of {@link #text()}; {@code line}: the 1-based line of
     * its first content (a block inserted after a last line without a break starts with that break).
     */
    public record Insertion(String what, int offset, int line, String text) {
        /** Its lines without breaks, for messages: the inserted lines, or the part inserted into a flow list's line. */
        public List<String> lines() {
            return text.substring(leadingBreak(text)).lines().toList();
        }

        static int leadingBreak(String text) {
            return text.startsWith("\r\n") ? 2 : text.startsWith("\n") || text.startsWith("\r") ? 1 : 0;
        }
    }

    private static final String BOM = "\uFEFF";

    private final String label;
    private final boolean bom;
    private final String original;
    private final YamlNode read;
    private final SourceTree.Mapping root;
    private final TextLines lines;
    private final EditTarget.Refusals refuse;
    private final Placement placement;
    private final Map<String, EditTarget> targets = new LinkedHashMap<>(); // by id; null for the truce
    /** Top-level keys to set, with their text as written after the colon, in the order asked. */
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String edited;
    private List<Insertion> insertions;

    private ObligationsEditor(String label, boolean bom, String original, YamlNode read, SourceTree.Node root,
                              TextLines lines) {
        this.label = label;
        this.bom = bom;
        this.original = original;
        this.read = read;
        this.lines = lines;
        this.refuse = new EditTarget.Refusals(label, lines);
        if (!(root instanceof SourceTree.Mapping mapping) || mapping.flow()) {
            throw refuse.at(root.start(), "the file is not a mapping of keys written one per line; truce edits only that");
        }
        this.root = mapping;
        this.placement = new Placement(lines, Indentation.of(root, lines), refuse);
    }

    /** {@code text}: the whole file as decoded from UTF-8; {@code label}: how messages name it. */
    public static ObligationsEditor of(String text, String label) {
        boolean bom = text.startsWith(BOM);
        String body = bom ? text.substring(1) : text;
        List<Problem> problems = new ArrayList<>();
        YamlNode read = new YamlTreeReader(label, Long.MAX_VALUE, problems).read(body);
        if (!problems.isEmpty()) { // an empty file is one of them
            Problem first = problems.stream().min(Problem.IN_LINE_ORDER).get();
            throw TruceException.badInput(first.render() + " (truce edits only a file that reads cleanly)");
        }
        TextLines lines = TextLines.of(body);
        return new ObligationsEditor(label, bom, body, read, SourceTree.read(body, lines), lines);
    }

    /** Appends {@code extension} to the extensions of the obligation {@code obligationId}, or of the truce when null. */
    public ObligationsEditor addExtension(String obligationId, Extension extension) {
        EditTarget target = target(obligationId);
        target.extensions.add(ExtensionSpec.of(extension));
        return planned(() -> placement.extensions(target), () -> target.extensions.remove(target.extensions.size() - 1));
    }

    /** Adds {@code outcome} to the obligation {@code obligationId}, or to the truce when null; one that has an outcome is refused. */
    public ObligationsEditor addOutcome(String obligationId, Outcome outcome) {
        EditTarget target = target(obligationId);
        SourceTree.Entry existing = target.mapping.entry("outcome");
        if (existing != null) {
            throw refuse.at(existing.key().start(), target.name + " already has an outcome; truce never changes one: "
                    + "edit it by hand");
        }
        if (target.outcome != null) {
            throw refuse.at(target.mapping.start(), "an outcome of " + target.name + " is already being added");
        }
        try {
            target.outcome = OutcomeSpec.of(outcome);
        } catch (Violations.Invalid e) {
            throw TruceException.badInput(label + ": the outcome of " + target.name + ": " + e.getMessage());
        }
        return planned(() -> placement.outcome(target), () -> target.outcome = null);
    }

    /**
     * Sets a top-level key whose value is one scalar (hts_file, hts_effective): its value's text is replaced where
     * the key is written; a key not written yet goes on a new line after the last setting before
     * {@code obligations:} (the short settings stay above the long list), after any other key set in this edit.
     * {@code value} is written plain when YAML reads it back as the same text, else double-quoted.
     */
    public ObligationsEditor setScalar(String key, String value) {
        String text = value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? value : YamlScalars.text(value);
        if (settings.containsKey(key)) {
            throw refuse.at(root.start(), key + " is already being set");
        }
        settings.put(key, text);
        return planned(() -> placement.settings(root, settings), () -> settings.remove(key));
    }

    /** The new text of the whole file. */
    public String text() {
        apply();
        return edited;
    }

    /** What was inserted, top to bottom. */
    public List<Insertion> insertions() {
        apply();
        return insertions;
    }

    private EditTarget target(String id) {
        return targets.computeIfAbsent(id, key -> EditTarget.find(root, id, refuse)); // null: the truce
    }

    /** Finds the place now, so a refusal comes from the call that asked for it; undoes the request if refused. */
    private ObligationsEditor planned(Runnable place, Runnable undo) {
        try {
            place.run();
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
        edited = null;
        return this;
    }

    private List<Placement.Splice> splices() {
        List<Placement.Splice> splices = new ArrayList<>(placement.settings(root, settings));
        for (EditTarget target : targets.values()) {
            if (!target.extensions.isEmpty()) {
                splices.add(placement.extensions(target));
            }
            if (target.outcome != null) {
                splices.add(placement.outcome(target));
            }
        }
        splices.sort(Comparator.comparingInt(Placement.Splice::offset)); // stable: at one place, in the order asked
        return splices;
    }

    private void apply() {
        if (edited != null) {
            return;
        }
        StringBuilder out = new StringBuilder(original.length() + 512);
        List<Integer> starts = new ArrayList<>();
        List<Placement.Splice> splices = splices();
        int from = 0;
        for (Placement.Splice splice : splices) {
            out.append(original, from, splice.offset());
            starts.add(out.length());
            out.append(splice.written());
            from = splice.end();
        }
        out.append(original, from, original.length());
        String text = out.toString();
        EditCheck.check(label, read, text, List.copyOf(targets.values()), settings);
        insertions = insertions(text, splices, starts);
        edited = (bom ? BOM : "") + text;
    }

    private List<Insertion> insertions(String text, List<Placement.Splice> splices, List<Integer> starts) {
        TextLines after = TextLines.of(text);
        List<Insertion> made = new ArrayList<>();
        for (int i = 0; i < splices.size(); i++) {
            String inserted = splices.get(i).written();
            int at = starts.get(i);
            int line = after.lineOf(at + Insertion.leadingBreak(inserted)) + 1;
            made.add(new Insertion(splices.get(i).what(), at + (bom ? 1 : 0), line, inserted));
        }
        return List.copyOf(made);
    }
}
