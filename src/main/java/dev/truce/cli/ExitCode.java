package dev.truce.cli;

import dev.truce.domain.TruceException;

/** The exit codes of every command, as documented in --help and the README. */
public enum ExitCode {
    OK(0, "success (for alert: ran, whether or not anything was due)"),
    FAILURE(1, "runtime failure: a file, the mail server or the database failed"),
    BAD_INPUT(2, "bad input: an invalid file, an unknown id, a wrong flag");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitCode of(TruceException.Cause cause) {
        return cause == TruceException.Cause.BAD_INPUT ? BAD_INPUT : FAILURE;
    }

    /** The exit code section of --help. */
    public static String helpSection() {
        StringBuilder text = new StringBuilder("%nExit codes:%n");
        for (ExitCode code : values()) {
            text.append("  ").append(code.code).append("  ").append(code.meaning).append("%n");
        }
        text.append("  truce check follows the monitoring-plugin convention instead:%n")
                .append("  0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN%n");
        return text.toString();
    }
}
