package dev.truce.cli;

/** Small phrasings shared by the printers. */
final class Texts {
    private Texts() {
    }

    /** "in 9 days", "today", "1 day ago". */
    static String relativeDays(int days) {
        if (days == 0) {
            return "today";
        }
        int n = Math.abs(days);
        String unit = n == 1 ? "day" : "days";
        return days > 0 ? "in " + n + " " + unit : n + " " + unit + " ago";
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** One line: a title with line breaks is shown on one line in tables. */
    static String oneLine(String text) {
        return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
