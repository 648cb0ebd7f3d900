package dev.truce.yaml;

import java.util.Comparator;

/**
 * One thing wrong with a file: where (file, line, column, and the path of keys known to the format),
 * what is wrong, and, apart, the text the person typed there, if any. The text is kept apart because
 * it may be anything, a secret too (a misconfigured evidence_file pointing at a password file): a
 * terminal gets a short, escaped snippet of it; a mail or a log gets none ({@link #redacted()}).
 *
 * <p>{@code message} never contains the typed text. With {@code quoted} set, the person sees
 * {@code 'quoted' message} ("'paused-tarif' is not a kind ..."); elsewhere "the value message".
 * {@code detail}, when set, says more for a person (a YAML parser's own words, which may name a
 * character of the text) and is left out of mail and logs too. {@code path} may be empty for
 * problems with the file as a whole.
 *
 * <p>{@code shown}, when set, is the whole sentence for a person, for explanations that name the file's
 * text in the middle ("'party' is indented 6 spaces, but the keys beside it are indented 4 (title, line
 * 130)"); {@code message} then says the same without it, for mail and logs, and {@code detail} follows
 * in parentheses as an aside.
 */
public record Problem(String file, Position position, String path, String quoted, String message, String detail,
                      String shown) {
    public static final Comparator<Problem> IN_LINE_ORDER = Comparator.comparing(Problem::position);
    /** The most of a typed value shown back in a terminal: enough to recognise it, too little to leak much. */
    static final int SNIPPET = 40;

    public Problem(String file, Position position, String path, String message) {
        this(file, position, path, null, message, null);
    }

    public Problem(String file, Position position, String path, String quoted, String message) {
        this(file, position, path, quoted, message, null);
    }

    public Problem(String file, Position position, String path, String quoted, String message, String detail) {
        this(file, position, path, quoted, message, detail, null);
    }

    /** {@code shown} for a person, {@code message} (the same without the file's text) for mail and logs. */
    public static Problem explained(String file, Position position, String message, String shown, String detail) {
        return new Problem(file, position, "", null, message, detail, shown);
    }

    /** The same problem at another path (the path said differently, not a different place). */
    public Problem withPath(String other) {
        return new Problem(file, position, other, quoted, message, detail, shown);
    }

    /** FILE:LINE:COL: path: 'what was typed' what is wrong: detail, for a person at a terminal. */
    public String render() {
        return where() + forPerson();
    }

    /** The same without anything typed in the file, for mail and logs: FILE:LINE:COL: path: this is not a kind ... */
    public String redacted() {
        return where() + (quoted == null ? message : "this " + message);
    }

    /** path: what is wrong, without the file's place: for text that is not in a file yet (an entry to append). */
    public String renderUnplaced() {
        return path.isEmpty() ? forPerson() : path + ": " + forPerson();
    }

    private String forPerson() {
        if (shown != null) {
            return shown + (detail == null ? "" : " (" + detail + ")");
        }
        return (quoted == null ? message : "'" + snippet(quoted) + "' " + message) + (detail == null ? "" : ": " + detail);
    }

    private String where() {
        String at = file + ":" + position.line() + ":" + position.column() + ": ";
        return path.isEmpty() ? at : at + path + ": ";
    }

    /** One short line: control characters escaped, long text cut. */
    static String snippet(String text) {
        return snippet(text, SNIPPET);
    }

    static String snippet(String text, int limit) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(limit).forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > limit ? out + "…" : out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
