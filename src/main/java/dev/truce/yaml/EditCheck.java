package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's own proof that an edit did what it meant and nothing else: the new text, read as plain YAML
 * values (no positions), must equal the old text's values with the new entries added where they were meant
 * to go. It knows nothing of obligations; the caller still checks the meaning (the model read back).
 */
final class EditCheck {
    private EditCheck() {
    }

    /** An edit of the truce and obligations only. */
    static void check(String label, YamlNode before, String after, List<EditTarget> targets) {
        check(label, before, after, targets, Map.of());
    }

    /**
     * {@code before}: the original text as read; {@code settings}: top-level keys set, with the text after their
     * colon; refuses (bad input) an edit that does not pass.
     */
    @SuppressWarnings("unchecked")
    static void check(String label, YamlNode before, String after, List<EditTarget> targets,
                      Map<String, String> settings) {
        Object expected = plain(before);
        settings.forEach((key, text) -> ((Map<String, Object>) expected).put(key,
                ((Map<String, Object>) plain(read(label, key + ": " + text))).get(key)));
        for (EditTarget target : targets) {
            Map<String, Object> mapping = mappingOf(expected, target);
            if (!target.extensions.isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) mapping.computeIfAbsent("extensions", key -> new ArrayList<>());
                target.extensions.forEach(extension -> list.add(plain(read(label, SpecText.flow(extension)))));
            }
            if (target.outcome != null) {
                mapping.put("outcome", plain(read(label, SpecText.flow(target.outcome))));
            }
        }
        List<Problem> problems = new ArrayList<>();
        YamlNode edited = new YamlTreeReader(label, Long.MAX_VALUE, problems).read(after);
        if (!problems.isEmpty() || edited == null || !expected.equals(plain(edited))) {
            throw TruceException.badInput(label + ": the text truce would insert does not read back as the file plus "
                    + "the new entries (a layout it does not handle); nothing was changed: edit the file by hand");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mappingOf(Object root, EditTarget target) {
        Map<String, Object> top = (Map<String, Object>) root;
        return (Map<String, Object>) (target.index < 0 ? top.get("truce")
                : ((List<Object>) top.get("obligations")).get(target.index));
    }

    private static YamlNode read(String label, String text) {
        List<Problem> problems = new ArrayList<>();
        YamlNode node = new YamlTreeReader(label, Long.MAX_VALUE, problems).read(text);
        if (!problems.isEmpty() || node == null) {
            throw new IllegalStateException("cannot read back " + text + ": " + problems);
        }
        return node;
    }

    private record Leaf(YamlNode.ScalarType type, String text) {
    }

    private static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, Object> values = new LinkedHashMap<>();
            mapping.values().forEach((key, value) -> values.put(key, plain(value)));
            return values;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            return new ArrayList<>(sequence.items().stream().map(EditCheck::plain).toList());
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return new Leaf(scalar.type(), scalar.text());
    }
}
