package dev.truce.domain;

import java.util.List;
import java.util.Objects;

/** When an obligation lapses: with the truce, never, or at a fixed moment. */
public record Due(Type type, Moment fixed) {
    public static final String EXPECTED = "expected truce-end, none, a date YYYY-MM-DD or a date-time with offset";

    public enum Type { TRUCE_END, NONE, FIXED }

    public static final Due TRUCE_END = new Due(Type.TRUCE_END, null);
    public static final Due NONE = new Due(Type.NONE, null);

    public Due {
        Objects.requireNonNull(type, "type");
        if ((type == Type.FIXED) != (fixed != null)) {
            throw new IllegalArgumentException("a fixed due needs a moment, and only a fixed one");
        }
    }

    /** truce-end, none, or a moment; the message of the {@link InvalidValue} does not quote the value. */
    public static Due parse(String value) {
        if (value.equals("truce-end")) {
            return TRUCE_END;
        }
        if (value.equals("none")) {
            return NONE;
        }
        if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
            throw new InvalidValue("is not a due date (" + EXPECTED + ")"
                    + Suggestions.didYouMean(value, List.of("truce-end", "none")));
        }
        return at(Moment.parse(value));
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
