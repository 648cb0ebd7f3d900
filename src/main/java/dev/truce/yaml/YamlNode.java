package dev.truce.yaml;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so every message can point at it. */
public sealed interface YamlNode {
    Position position();

    /**
     * What a person would call this kind of value, for "expected a list, found text" messages. Never the
     * value itself: the file may not be the one the person meant to name (a password file, say).
     */
    String description();

    /**
     * A mapping; {@code keys} holds where each key was written. Both maps are kept as given, in the order the keys
     * were written (the reader's own, never copied: a file of 100,000 obligations holds millions of them).
     */
    record Mapping(Position position, Map<String, YamlNode> values, Map<String, Position> keys) implements YamlNode {

        @Override
        public String description() {
            return "a mapping";
        }
    }

    record Sequence(Position position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String description() {
            return "a list";
        }
    }

    /** A scalar: {@code text} is null for an empty value; {@code type} says how YAML typed it. */
    record Scalar(Position position, String text, ScalarType type) implements YamlNode {
        @Override
        public String description() {
            return switch (type) {
                case NULL -> "nothing";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "a boolean";
                case STRING -> "text";
            };
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }
}
