package dev.truce.domain;

/**
 * A value that cannot be what it should be. The message says what is wrong without quoting the
 * value ("is not a real date (expected YYYY-MM-DD)"): whoever shows it decides whether the value
 * may be quoted there (a terminal may show a short snippet of a YAML file; a mail or a log never does).
 */
public final class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidValue(String problem) {
        super(problem);
    }
}
