package dev.truce.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a key path ("extensions[1].until") is written inside a mapping, for problems found after binding. */
public final class Paths {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private Paths() {
    }

    /**
     * The position of the value at {@code path} under {@code node}; where the value is empty, its key; where
     * the path leads nowhere (a key left out), the deepest mapping or list on the way.
     */
    public static Position position(YamlNode node, String path) {
        if (path.indexOf(' ') >= 0) {
            // "obligations[9] (cn-x).due" is for reading (ObligationPaths); parsed here it would point at obligations[9]
            throw new IllegalArgumentException("not a key path: " + path);
        }
        YamlNode current = node;
        Position at = node.position();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            if (m.group(1) != null && current instanceof YamlNode.Mapping mapping) {
                YamlNode next = mapping.values().get(m.group(1));
                if (next == null) {
                    return at;
                }
                Position key = mapping.keys().get(m.group(1));
                at = next instanceof YamlNode.Scalar s && s.isNull() && key != null ? key : next.position();
                current = next;
            } else if (m.group(2) != null && current instanceof YamlNode.Sequence sequence) {
                int index = Integer.parseInt(m.group(2));
                if (index >= sequence.items().size()) {
                    return at;
                }
                current = sequence.items().get(index);
                at = current.position();
            } else {
                return at;
            }
        }
        return at;
    }
}
