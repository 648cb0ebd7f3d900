package dev.truce.yaml;

import dev.truce.domain.Evidence;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One evidence entry as the YAML text `truce evidence add` appends. Keys come in a fixed order,
 * {@code recorded} right after {@code date} and {@code recorded_by} last and always quoted: any prefix
 * of the text then lacks a required key, lacks recorded_by or leaves a quote open, so an entry
 * cut off mid-write never reads as a valid entry (see {@link EvidenceBinding}). Text is written
 * plain when YAML reads it back unchanged, else double-quoted with escapes, never folded.
 */
public final class EvidenceText {
    /** The header of a file the tool creates. */
    public static final String HEADER = String.join("\n",
            "# evidence.yaml: what someone says about whether an obligation is being kept.",
            "# A YAML list; `truce evidence add` appends entries to the end, so keep it a list.",
            "# Each entry: obligation (an id from obligations.yaml), date (date, or date-time with offset),",
            "#   stance complies|breaches|partial|unclear (the claimant's, not a verdict), claimant (US, CN,",
            "#   or a third party), basis act|data|statement|report, source, url, note and amount (optional;",
            "#   amount: a purchase's cumulative figure to date, in its target's unit);",
            "#   recorded and recorded_by are set by the tool.",
            "");

    private static final Pattern PLAIN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}\\p{N} .,;:()/'_+&%?=#@!*~\\p{Pd}\\p{Pi}\\p{Pf}]*");
    /** Words a YAML reader may take for null, a boolean or a number rather than text. */
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n",
            "nan", "inf", "infinity");

    private EvidenceText() {
    }

    /** The entry's lines, each starting with {@code indent}, each ending with {@code newline}. */
    public static String entry(Evidence e, String indent, String newline) {
        StringBuilder text = new StringBuilder(256);
        String key = indent + "  ";
        text.append(indent).append("- obligation: ").append(scalar(e.obligation())).append(newline);
        line(text, key, "date", e.date().iso(), newline);
        line(text, key, "recorded", e.recorded().truncatedTo(ChronoUnit.SECONDS).toString(), newline);
        line(text, key, "stance", e.stance().label(), newline);
        line(text, key, "claimant", scalar(e.claimant()), newline);
        line(text, key, "basis", e.basis().label(), newline);
        line(text, key, "source", scalar(e.source()), newline);
        if (e.url() != null) {
            line(text, key, "url", scalar(e.url()), newline);
        }
        if (e.note() != null) {
            line(text, key, "note", scalar(e.note()), newline);
        }
        if (e.amount() != null) {
            line(text, key, "amount", e.amount().stripTrailingZeros().toPlainString(), newline);
        }
        line(text, key, "recorded_by", quoted(e.recordedBy()), newline);
        return text.toString();
    }

    private static void line(StringBuilder text, String indent, String key, String value, String newline) {
        text.append(indent).append(key).append(": ").append(value).append(newline);
    }

    /** Plain when that is safe to read back as the same text, else double-quoted. */
    static String scalar(String value) {
        boolean plain = PLAIN.matcher(value).matches()
                && !value.endsWith(" ") && !value.endsWith(":")
                && !value.contains(": ") && !value.contains(" #")
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT));
        return plain ? value : quoted(value);
    }

    /** A YAML double-quoted scalar on one line: line breaks, quotes, controls and odd spaces escaped. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Not printable in YAML, or a line or byte-order mark some readers treat specially. */
    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                || c == 0xFFFE || c == 0xFFFF;
    }
}
