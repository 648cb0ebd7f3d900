package dev.truce.domain;

import java.util.List;

/**
 * A failure a person can act on. The message is complete and shown as is; the CLI maps the
 * {@link Cause} to an exit code and prints no stack trace unless asked.
 */
public class TruceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whose fault it is: the input (exit 2) or the world at run time (exit 1). */
    public enum Cause { BAD_INPUT, FAILURE }

    private final Cause cause;
    private final List<String> lines;

    public TruceException(Cause cause, List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.cause = cause;
        this.lines = List.copyOf(lines);
    }

    public TruceException(Cause cause, String message, Throwable underlying) {
        super(message, underlying);
        this.cause = cause;
        this.lines = List.of(message);
    }

    public static TruceException badInput(String message) {
        return new TruceException(Cause.BAD_INPUT, List.of(message));
    }

    public static TruceException failure(String message, Throwable underlying) {
        return new TruceException(Cause.FAILURE, message, underlying);
    }

    public Cause kind() {
        return cause;
    }

    /** The lines to print, one problem each. */
    public List<String> lines() {
        return lines;
    }
}
