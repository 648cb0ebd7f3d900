package dev.truce.domain.tariff;

import java.util.List;

/**
 * What looking a code up in a schedule gives: the line, a code too short to have one rate, or a code the
 * schedule does not have. The three are distinct so a caller can say which, with the file and line of the code.
 */
public sealed interface CodeLookup {

    /** The code as looked up, digits only. */
    String code();

    /** The code has one base rate and one set of chapter-99 headings. */
    record Found(TariffLine line) implements CodeLookup {
        @Override
        public String code() {
            return line.code();
        }
    }

    /**
     * A code shorter than 8 digits whose 8-digit lines differ in base rate or in the chapter-99 headings they
     * point to: the duty depends on which line the goods are in, so the caller must ask for 8 digits.
     */
    record Ambiguous(String code, List<TariffLine> lines) implements CodeLookup {
        public Ambiguous {
            lines = List.copyOf(lines);
        }
    }

    /** No line of the schedule has the code (or, below 8 digits, starts with it). */
    record Missing(String code) implements CodeLookup {
    }
}
