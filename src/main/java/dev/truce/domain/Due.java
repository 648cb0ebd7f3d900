package dev.truce.domain;

import java.util.Objects;

/** When an obligation lapses: with the truce, never, or at a fixed moment. */
public record Due(Type type, Moment fixed) {
    public enum Type { TRUCE_END, NONE, FIXED }

    public static final Due TRUCE_END = new Due(Type.TRUCE_END, null);
    public static final Due NONE = new Due(Type.NONE, null);

    public Due {
        Objects.requireNonNull(type, "type");
        if ((type == Type.FIXED) != (fixed != null)) {
            throw new IllegalArgumentException("a fixed due needs a moment, and only a fixed one");
        }
    }

    public static Due at(Moment moment) {
        return new Due(Type.FIXED, moment);
    }

    /** As written in the file. */
    public String label() {
        return switch (type) {
            case TRUCE_END -> "truce-end";
            case NONE -> "none";
            case FIXED -> fixed.iso();
        };
    }
}
