package dev.truce.domain;

/** Small phrasings shared by every output: terminal tables, calendar fields, the briefing, monitoring lines. */
public final class Phrases {
    private Phrases() {
    }

    /** "in 9 days", "today", "1 day ago". */
    public static String relativeDays(int days) {
        if (days == 0) {
            return "today";
        }
        int n = Math.abs(days);
        String unit = n == 1 ? "day" : "days";
        return days > 0 ? "in " + n + " " + unit : n + " " + unit + " ago";
    }

    public static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cntrl}\u0085\u2028\u2029]");

    /**
     * Text from a file, fitted to a place that holds one line (a title with line breaks); null
     * becomes empty. Control characters become spaces too: an escape sequence in a title must not
     * reach the terminal.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\r\n", " ");
        return CONTROLS.matcher(flat).find() ? CONTROLS.matcher(flat).replaceAll(" ") : flat;
    }
}
