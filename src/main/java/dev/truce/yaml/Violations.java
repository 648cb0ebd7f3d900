package dev.truce.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * What a spec record's compact constructor found wrong, each with the path of the key it is about,
 * relative to the record ("due", "extensions[1].until", or "" for the mapping itself). The binder
 * turns them into problems at those keys' lines and columns.
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    public record Violation(String path, String quoted, String message) {
    }

    public Violations add(String path, String message) {
        found.add(new Violation(path, null, message));
        return this;
    }

    /** A problem with a value the person typed: shown quoted where the medium allows ({@link Problem}). */
    public Violations addValue(String path, String value, String message) {
        found.add(new Violation(path, value, message));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Ends the constructor when anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new Invalid(List.copyOf(found));
        }
    }

    /** Thrown by a compact constructor; the binder catches it. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        Invalid(List<Violation> violations) {
            super(violations.get(0).path() + ": " + violations.get(0).message());
            this.violations = violations;
        }

        public List<Violation> violations() {
            return violations;
        }
    }
}
