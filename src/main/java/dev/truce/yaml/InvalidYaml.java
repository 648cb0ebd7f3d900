package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.util.List;

/**
 * A YAML file that cannot be used: its problems in line order, for a terminal ({@link #lines()}) or for mail and logs
 * ({@link #redacted()}). The readers' own failure; the use cases turn it into the application's
 * {@code InvalidFile}, which is what the commands and the daemon see.
 */
public final class InvalidYaml extends TruceException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    InvalidYaml(List<Problem> problems) {
        super(Cause.BAD_INPUT, problems.stream().map(Problem::render).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The problems without anything typed in the file: for mail and logs. */
    public List<String> redacted() {
        return problems.stream().map(Problem::redacted).toList();
    }
}
