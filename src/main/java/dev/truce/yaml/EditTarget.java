package dev.truce.yaml;

import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import dev.truce.yaml.spec.ExtensionSpec;
import dev.truce.yaml.spec.OutcomeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The truce or one obligation, found in the text, with what is to be inserted into it. Finding it refuses
 * what cannot be edited safely as text: an id that is not there or is there twice, a mapping written in
 * flow style ({@code {id: ..., ...}}), a mapping that has or holds anchors or aliases (a change would also
 * show wherever an alias repeats it).
 */
final class EditTarget {
    final String id;
    /** "obligation 'x'" or "the truce", for messages. */
    final String name;
    final SourceTree.Mapping mapping;
    /** The obligation's index in the list; -1 for the truce. */
    final int index;
    final List<ExtensionSpec> extensions = new ArrayList<>();
    OutcomeSpec outcome;

    private EditTarget(String id, SourceTree.Mapping mapping, int index) {
        this.id = id;
        this.name = id == null ? "the truce" : "obligation '" + id + "'";
        this.mapping = mapping;
        this.index = index;
    }

    /** {@code id} null: the truce. */
    static EditTarget find(SourceTree.Mapping root, String id, Refusals refuse) {
        if (id == null) {
            SourceTree.Entry truce = root.entry("truce");
            if (truce == null || !(truce.value() instanceof SourceTree.Mapping mapping)) {
                throw refuse.at(truce == null ? 0 : truce.value().start(), "found no `truce:` mapping to edit");
            }
            return checked(new EditTarget(null, mapping, -1), refuse);
        }
        SourceTree.Entry list = root.entry("obligations");
        if (list == null || !(list.value() instanceof SourceTree.Sequence obligations)) {
            throw refuse.at(list == null ? 0 : list.value().start(), "found no `obligations:` list to edit");
        }
        List<String> ids = new ArrayList<>();
        EditTarget found = null;
        for (int i = 0; i < obligations.items().size(); i++) {
            if (obligations.items().get(i) instanceof SourceTree.Mapping item
                    && item.entry("id") != null && item.entry("id").value() instanceof SourceTree.Scalar scalar) {
                ids.add(scalar.value());
                if (scalar.value().equals(id) && found != null) {
                    throw refuse.at(item.start(), "obligation '" + id + "' is written twice (also at line "
                            + refuse.line(found.mapping.start()) + "); make the ids unique first");
                }
                found = scalar.value().equals(id) ? new EditTarget(id, item, i) : found;
            }
        }
        if (found == null) {
            throw refuse.at(list.key().start(), "no obligation '" + id + "' in this list"
                    + Suggestions.didYouMean(id, ids));
        }
        return checked(found, refuse);
    }

    private static EditTarget checked(EditTarget target, Refusals refuse) {
        if (target.mapping.flow()) {
            throw refuse.at(target.mapping.start(), target.name + " is written as a flow mapping ({...}), which truce "
                    + "does not insert lines into; write it one key per line, or edit it by hand");
        }
        if (target.mapping.refs()) {
            throw refuse.at(target.mapping.start(), target.name + " has or uses YAML anchors or aliases (&name, "
                    + "*name), so an edit could show elsewhere too; edit it by hand");
        }
        return target;
    }

    /** The column of the mapping's keys. */
    int keyColumn(TextLines lines) {
        return lines.column(mapping.entries().get(0).key().start());
    }

    /** Refusals name the file, the line and the column. */
    record Refusals(String label, TextLines lines) {
        TruceException at(int offset, String message) {
            return TruceException.badInput(label + ":" + line(offset) + ":" + (lines.column(offset) + 1) + ": " + message);
        }

        int line(int offset) {
            return lines.lineOf(offset) + 1;
        }
    }
}
