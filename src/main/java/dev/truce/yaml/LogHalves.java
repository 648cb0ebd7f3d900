package dev.truce.yaml;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a long log (evidence.yaml: a YAML list whose items start at column 0) can be cut in two, so that two
 * threads parse the halves at once, and how many lines the first half holds, as SnakeYAML counts them, so that
 * positions in the second half are the file's.
 *
 * <p>A cut is made only at a line that starts a top-level item ({@code "- "} at column 0) in a file whose first
 * item starts at column 0. Such a line can still lie inside a quoted value that spans lines, or inside a flow
 * list; then the first half ends inside it and its parse fails, and the reader parses the whole file instead.
 * So a read in halves is taken only when both halves parse and bind without a single problem.
 */
final class LogHalves {
    /** How far from the middle a cut is looked for: far more than any entry is long. */
    static final int WINDOW = 64 * 1024;

    private LogHalves() {
    }

    /** Whether the file's first item starts at column 0 ({@code head}: its first bytes; comments and a {@code ---} may come first). */
    static boolean itemsAtColumnZero(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        boolean documentStart = false;
        while (i < head.length) {
            int end = i;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end == head.length) {
                return false; // a first line longer than the head: not a log of short entries
            }
            int first = i;
            while (first < end && (head[first] == ' ' || head[first] == '\r')) {
                first++;
            }
            if (first == end || head[first] == '#') {
                i = end + 1; // a blank line or a comment
                continue;
            }
            if (!documentStart && first == i && end - i >= 3 && head[i] == '-' && head[i + 1] == '-' && head[i + 2] == '-'
                    && blank(head, i + 3, end)) {
                documentStart = true; // "---" alone on its line
                i = end + 1;
                continue;
            }
            return first == i && startsItem(head, i, end);
        }
        return false;
    }

    /**
     * The first offset in {@code window} at which a line starts a top-level item, after a line break; -1 when none
     * does. {@code window} holds the bytes from just before the middle of the file.
     */
    static int itemStart(byte[] window) {
        for (int i = 1; i < window.length; i++) {
            if (window[i - 1] == '\n' && window[i] == '-' && startsItem(window, i, window.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A '-' at {@code at} followed by a space or the end of its line: a list item, not "-5" or "---". */
    private static boolean startsItem(byte[] bytes, int at, int end) {
        if (bytes[at] != '-') {
            return false;
        }
        if (at + 1 >= end) {
            return at + 1 < bytes.length; // "-" alone on its line
        }
        byte next = bytes[at + 1];
        return next == ' ' || next == '\n' || next == '\r';
    }

    /**
     * The line breaks in {@code in} as SnakeYAML counts lines (YAML 1.2): a line feed, and a carriage return not
     * followed by one.
     */
    static int lineBreaks(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int lines = 0;
        boolean carriageReturn = false; // the byte before was '\r' (it may end the previous buffer)
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n' || carriageReturn) {
                    lines++;
                }
                carriageReturn = b == '\r';
            }
        }
        return carriageReturn ? lines + 1 : lines;
    }
}
