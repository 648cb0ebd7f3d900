package dev.truce.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a YAML text as a person lays them out: keys and the column they start at, list items, comments,
 * blank lines, and text that only looks like keys (the lines of a {@code note: >-} block, the rest of a quoted
 * or bracketed value, a plain value wrapped onto more lines). Read without the parser, so that a text the
 * parser refused can still be described; an approximation, good enough to explain a mistake in a layout.
 */
final class YamlLines {
    /** TEXT: the rest of a quoted, bracketed or plain value; BLOCK: a line of a block of text ({@code note: >-}). */
    enum Kind { BLANK, COMMENT, TEXT, BLOCK, CONTENT }

    /**
     * One line, numbered as in the file. {@code dash}: the column of its item's '-', or -1; {@code body}: the
     * column of what follows the dashes; {@code key}: the key written there, or null; {@code bare}: nothing
     * follows the key's colon on its line; {@code valued}: the key (or the item) has a value of its own (on its
     * line, or a block or plain text below it) rather than keys or items below it.
     */
    record Line(int number, Kind kind, int dash, int body, String key, boolean bare, boolean valued, String text) {
        boolean content() {
            return kind == Kind.CONTENT;
        }

        boolean item() {
            return content() && dash >= 0;
        }

        /** Text that only looks like keys: part of a value. */
        boolean prose() {
            return kind == Kind.TEXT || kind == Kind.BLOCK;
        }

        /** What follows the dashes, as written. */
        String bodyText() {
            return text.substring(body);
        }

        /** A key (or an item) whose value is a block of text on the lines below ({@code note: >-}). */
        boolean opensBlock() {
            if (!content()) {
                return false;
            }
            Matcher key = KEY.matcher(bodyText());
            String value = withoutComment(key.matches() ? key.group(2) : dash >= 0 ? bodyText() : null);
            return BLOCK_SCALAR.matcher(value).matches();
        }
    }

    /**
     * A key up to its ': ', then the value. A plain key has no quotes or brackets in it: "title {a: 1}" and
     * 'source "No. 21: x"' are a key without its ':' before a value, not keys of that name.
     */
    private static final Pattern KEY = Pattern.compile(
            "^(\"[^\"]*\"|'[^']*'|[^\\s#'\"\\[\\]{},|>&*!%@`][^#'\"\\[\\]{}]*?)[ \\t]*:(?:[ \\t]+(.*))?$");
    private static final Pattern BLOCK_SCALAR = Pattern.compile("[|>][0-9+-]*");

    private final List<Line> lines = new ArrayList<>();
    /** While inside a block scalar: the indentation of its key (or item), and of its text once known. */
    private int blockParent = -1;
    private int blockIndent = -1;
    /** While inside a quoted or bracketed value that goes on below. */
    private Closing open;
    /** The column a plain value's owner starts at: deeper lines without a key go on with the value. */
    private int plainOwner = -1;
    /** The last key with nothing after its colon: a plain value on the lines below is still its value. */
    private int bareKey = -1;

    private YamlLines() {
    }

    /** {@code texts}: consecutive lines of a text, the first of them line {@code firstNumber}. */
    static List<Line> of(List<String> texts, int firstNumber) {
        YamlLines outline = new YamlLines();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            text = i == 0 && text.startsWith("\uFEFF") ? text.substring(1) : text;
            outline.add(firstNumber + i, text);
        }
        return outline.lines;
    }

    private void add(int number, String text) {
        int indent = indentOf(text);
        boolean blank = indent == text.length();
        if (open != null) {
            if (open.closes(text)) {
                open = null;
            }
            lines.add(new Line(number, Kind.TEXT, -1, indent, null, false, false, text));
        } else if (inBlock(blank, indent)) {
            lines.add(new Line(number, Kind.BLOCK, -1, indent, null, false, false, text));
        } else if (blank) {
            lines.add(new Line(number, Kind.BLANK, -1, indent, null, false, false, text));
        } else if (text.charAt(indent) == '#') {
            plainOwner = -1;
            lines.add(new Line(number, Kind.COMMENT, -1, indent, null, false, false, text));
        } else {
            content(number, text, indent);
        }
    }

    /** Whether a line belongs to the block scalar above it; ends the block at the first line that does not. */
    private boolean inBlock(boolean blank, int indent) {
        if (blockParent < 0) {
            return false;
        }
        if (blank) {
            return true;
        }
        if (blockIndent < 0 && indent > blockParent) {
            blockIndent = indent;
        }
        if (blockIndent >= 0 && indent >= blockIndent) {
            return true;
        }
        blockParent = -1;
        blockIndent = -1;
        return false;
    }

    private void content(int number, String text, int indent) {
        int dash = -1;
        int body = indent;
        while (text.startsWith("-", body) && (body + 1 == text.length() || text.charAt(body + 1) == ' ')) {
            dash = dash < 0 ? body : dash;
            body = indentOf(text, body + 1);
        }
        Matcher key = KEY.matcher(text.substring(body));
        boolean keyed = key.matches();
        int owner = -1;
        if (!keyed && dash < 0 && plainOwner >= 0 && indent > plainOwner) {
            lines.add(new Line(number, Kind.TEXT, -1, indent, null, false, false, text));
            return;
        }
        if (!keyed && dash < 0 && bareKey >= 0 && indent > bareKey) {
            // the value of the bare key above, or its first key without a colon: the reader of the lines decides
            owner = bareKey;
            giveValueToLastKey();
        }
        String value = keyed ? withoutComment(key.group(2)) : withoutComment(text.substring(body));
        bareKey = keyed && value.isEmpty() ? body : -1;
        plainOwner = owner;
        if (BLOCK_SCALAR.matcher(value).matches()) {
            blockParent = keyed ? body : Math.max(dash, 0);
        } else if (!value.isEmpty() && "\"'[{".indexOf(value.charAt(0)) >= 0) {
            Closing closing = new Closing();
            open = closing.closes(value) ? null : closing;
        } else if (!value.isEmpty() && (keyed || dash >= 0)) {
            plainOwner = keyed ? body : dash;
        }
        lines.add(new Line(number, Kind.CONTENT, dash, body, keyed ? key.group(1) : null,
                keyed && value.isEmpty(), !value.isEmpty() && (keyed || dash >= 0), text));
    }

    private void giveValueToLastKey() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line key = lines.get(i);
            if (key.content()) {
                lines.set(i, new Line(key.number(), key.kind(), key.dash(), key.body(), key.key(), true, true, key.text()));
                return;
            }
        }
    }

    /** A value without its comment (a '#' after a space, outside quotes), trimmed; "" for none. */
    private static String withoutComment(String value) {
        if (value == null) {
            return "";
        }
        boolean quoted = !value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'');
        int hash = quoted ? -1 : value.indexOf(" #");
        return (hash >= 0 ? value.substring(0, hash) : value.startsWith("#") ? "" : value).trim();
    }

    static int indentOf(String text) {
        return indentOf(text, 0);
    }

    private static int indentOf(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Follows a quoted or bracketed value across lines until it closes. */
    private static final class Closing {
        private char quote;
        private int depth;

        /** Reads on; true once the value has closed. */
        boolean closes(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (quote != 0) {
                    if (c == quote && quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                        if (depth == 0) {
                            return true;
                        }
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if ((c == ']' || c == '}') && --depth <= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
