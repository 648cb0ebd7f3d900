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

    /** Text from a file, fitted to a place that holds one line (a title with line breaks); null becomes empty. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
