package dev.truce.cli;

import dev.truce.domain.TruceException;

/** The exit codes of every command, as documented in --help and the README. */
public enum ExitCode {
    OK(0, "success (for alert: ran, whether or not anything was due)"),
    FAILURE(1, "runtime failure: a file could not be read or written, the mail server or database failed"),
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
    public static String[] helpLines() {
        ExitCode[] codes = values();
        String[] lines = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            lines[i] = codes[i].code + ":" + codes[i].meaning;
        }
        return lines;
    }
}
