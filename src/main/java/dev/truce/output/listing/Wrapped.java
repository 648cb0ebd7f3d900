package dev.truce.output.listing;

import java.util.ArrayList;
import java.util.List;

/**
 * Text folded to a width in terminal columns (a Chinese character takes two, as {@link TextTable} counts), at
 * spaces where it can and inside a word only when one word is longer than a line: for listings that must fit a
 * terminal, an email or a chat window.
 */
public final class Wrapped {
    private Wrapped() {
    }

    /**
     * The lines of {@code text} (one line, no breaks in it) fitted to {@code width}: the first starts with
     * {@code first}, the others with {@code rest} (a hanging indent).
     */
    public static List<String> lines(String text, int width, String first, String rest) {
        if (width(first) + width(text) <= width && text.indexOf("  ") < 0 && !text.startsWith(" ")
                && !text.endsWith(" ")) {
            return List.of(first + text); // most items fit on their line as they are
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int used = width(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int w = width(word);
            if (!empty && used + 1 + w > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                used = width(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                used++;
            }
            while (used + w > width && w > 1) { // one word longer than a line: cut it
                String part = prefix(word, width - used);
                line.append(part);
                lines.add(line.toString());
                word = word.substring(part.length());
                w = width(word);
                line = new StringBuilder(rest);
                used = width(rest);
            }
            line.append(word);
            used += w;
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** Columns of a word: its length when it is plain ASCII (nearly always), else as {@link TextTable} counts. */
    private static int width(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return TextTable.width(word);
            }
        }
        return word.length();
    }

    /** The longest start of {@code word} that takes at most {@code columns} columns (at least one character). */
    private static String prefix(String word, int columns) {
        int used = 0;
        int i = 0;
        while (i < word.length()) {
            int c = word.codePointAt(i);
            int w = TextTable.width(new String(Character.toChars(c)));
            if (used + w > columns && i > 0) {
                break;
            }
            used += w;
            i += Character.charCount(c);
        }
        return word.substring(0, i);
    }
}
