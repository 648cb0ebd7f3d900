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

    /** Days since a deadline passed, from the days left to its due date: a date-only deadline passes a day later. */
    static int daysPassed(int daysLeft, Moment deadline) {
        return -daysLeft - (deadline.isDateOnly() ? 1 : 0);
    }

    /** "passed today", "passed 1 day ago", "passed 3 days ago". */
    public static String passed(int daysPassed) {
        return "passed " + (daysPassed == 0 ? "today" : plural(daysPassed, "day", "days") + " ago");
    }

    /**
     * The commands that record what happened to an obligation whose deadline passed: "truce outcome ID --result
     * RESULT --source TEXT, or truce extend ID --until DATE --source TEXT if it was extended" (a row that ends with
     * the truce is extended with the truce, --truce).
     */
    public static String recordOutcome(Obligation obligation) {
        return "truce outcome " + obligation.id() + " --result RESULT --source TEXT, or truce extend "
                + (obligation.due().type() == Due.Type.TRUCE_END ? "--truce" : obligation.id())
                + " --until DATE --source TEXT if it was extended";
    }

    public static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * Text from a file, fitted to a place that holds one line (a table cell, a terminal line, a monitoring
     * line); null becomes empty. Nothing in it may act on the terminal or reorder what is shown: line breaks
     * become the two characters \r and \n, other control characters (C0, DEL, C1 such as U+009B) and the
     * bidirectional overrides (U+202E and its kin) are shown as \\uXXXX, a tab as a space.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Text on one line for a medium that has lines of its own (a calendar summary, a monitoring line):
     * line breaks and tabs become spaces; other control characters and the bidirectional overrides are dropped.
     */
    public static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && !isBidiControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String replacement(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return " ";
        }
        if (Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04X", (int) c);
        }
        return null;
    }

    /** The characters that change the display order of text around them (Trojan Source, CVE-2021-42574). */
    public static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
