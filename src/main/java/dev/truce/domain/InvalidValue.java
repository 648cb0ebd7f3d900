package dev.truce.domain;

/**
 * A value that cannot be what it should be. The message says what is wrong without quoting the
 * value ("is not a real date (expected YYYY-MM-DD)"): whoever shows it decides whether the value
 * may be quoted there (a terminal may show a short snippet of a YAML file; a mail or a log never does).
 */
public final class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final boolean quotes;

    public InvalidValue(String problem) {
        this(problem, true);
    }

    private InvalidValue(String problem, boolean quotes) {
        super(problem);
        this.quotes = quotes;
    }

    /** A problem that says all there is to say without the value (a line break, a blank): it is not quoted back. */
    public static InvalidValue unquoted(String problem) {
        return new InvalidValue(problem, false);
    }

    /** Whether showing the value helps (where the medium allows it). */
    public boolean quotes() {
        return quotes;
    }
}
