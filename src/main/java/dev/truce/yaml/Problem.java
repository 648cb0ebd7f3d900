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
 */
public record Problem(String file, Position position, String path, String quoted, String message, String detail)
        implements java.io.Serializable {
    public static final Comparator<Problem> IN_LINE_ORDER = Comparator.comparing(Problem::position);
    /** The most of a typed value shown back in a terminal: enough to recognise it, too little to leak much. */
    static final int SNIPPET = 40;

    public Problem(String file, Position position, String path, String message) {
        this(file, position, path, null, message, null);
    }

    public Problem(String file, Position position, String path, String quoted, String message) {
        this(file, position, path, quoted, message, null);
    }

    /** FILE:LINE:COL: path: 'what was typed' what is wrong: detail, for a person at a terminal. */
    public String render() {
        return where() + (quoted == null ? message : "'" + snippet(quoted) + "' " + message)
                + (detail == null ? "" : ": " + detail);
    }

    /** The same without anything typed in the file, for mail and logs: FILE:LINE:COL: path: this is not a kind ... */
    public String redacted() {
        return where() + (quoted == null ? message : "this " + message);
    }

    /** path: what is wrong, without the file's place: for text that is not in a file yet (an entry to append). */
    public String renderUnplaced() {
        String what = (quoted == null ? message : "'" + snippet(quoted) + "' " + message) + (detail == null ? "" : ": " + detail);
        return path.isEmpty() ? what : path + ": " + what;
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
