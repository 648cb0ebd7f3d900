package dev.truce.cli;

import dev.truce.domain.Phrases;

/** Small phrasings shared by the printers (the wording itself lives in {@link Phrases}). */
final class Texts {
    private Texts() {
    }

    /** "in 9 days", "today", "1 day ago". */
    static String relativeDays(int days) {
        return Phrases.relativeDays(days);
    }

    static String plural(int n, String one, String many) {
        return Phrases.plural(n, one, many);
    }

    /** One line: a title with line breaks is shown on one line in tables. */
    static String oneLine(String text) {
        return Phrases.oneLine(text);
    }
}
