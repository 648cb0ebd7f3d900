package dev.truce.yaml;

import java.util.Arrays;

/**
 * The lines of a text as YAML counts them (a line ends at CRLF, LF or a lone CR), for edits that insert
 * whole lines: where a line starts and ends, its line break, the column of an offset.
 */
final class TextLines {
    private final String text;
    /** Where each line starts; a text ending with a line break has no empty last line here. */
    private final int[] starts;

    private TextLines(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    static TextLines of(String text) {
        int[] starts = new int[16];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i;
            i = afterBreak(text, endOf(text, i));
        }
        return new TextLines(text, Arrays.copyOf(starts, count));
    }

    int count() {
        return starts.length;
    }

    /** The 0-based line holding {@code offset} (the last line for the end of the text). */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return Math.max(0, found >= 0 ? found : -found - 2);
    }

    int start(int line) {
        return starts[line];
    }

    /** Where the line's content ends: at its line break, or at the end of the text. */
    int end(int line) {
        return endOf(text, starts[line]);
    }

    /** Where the next line starts: after this line's break, or the end of the text. */
    int next(int line) {
        return afterBreak(text, end(line));
    }

    /** The line's own break: "\r\n", "\n", "\r", or "" for a last line without one. */
    String lineBreak(int line) {
        return text.substring(end(line), next(line));
    }

    /** The first line break of the text, "\n" when it has none. */
    String firstBreak() {
        return starts.length == 0 || lineBreak(0).isEmpty() ? "\n" : lineBreak(0);
    }

    int column(int offset) {
        return offset - starts[lineOf(offset)];
    }

    /** The line's text without its break. */
    String text(int line) {
        return text.substring(start(line), end(line));
    }

    private static int endOf(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int afterBreak(String text, int end) {
        if (end < text.length() && text.charAt(end) == '\r') {
            return end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        return end < text.length() ? end + 1 : end;
    }
}
