package dev.truce.domain.tariff;

/**
 * The export's texts carry no-break spaces, line breaks and runs of spaces ("See 9903.88.03.&nbsp; &nbsp; ").
 * Reading them compares words, so white space is made single spaces first, without a regular expression: a
 * full revision has half a million characters of chapter-99 descriptions alone, and most need no change.
 */
final class Spaces {
    private Spaces() {
    }

    /** The text with each run of white space (no-break spaces included) one space, and none at either end. */
    static String collapse(String text) {
        if (isCollapsed(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pending = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWhite(c)) {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isCollapsed(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (isWhite(c) && (c != ' ' || i == 0 || i == last || text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\u00a0' || Character.isWhitespace(c);
    }
}
