package dev.truce.yaml;

import dev.truce.domain.Evidence;
import java.time.temporal.ChronoUnit;

/**
 * One evidence entry as the YAML text `truce evidence add` appends. Keys come in a fixed order,
 * {@code recorded} right after {@code date} and {@code recorded_by} last and always quoted: any prefix
 * of the text then lacks a required key, lacks recorded_by or leaves a quote open, so an entry
 * cut off mid-write never reads as a valid entry (see {@link EvidenceBinding}). Text is written
 * by {@link YamlScalars}: plain when YAML reads it back unchanged, else double-quoted, never folded.
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

    private EvidenceText() {
    }

    /** The entry's lines, each starting with {@code indent}, each ending with {@code newline}. */
    public static String entry(Evidence e, String indent, String newline) {
        StringBuilder text = new StringBuilder(256);
        String key = indent + "  ";
        text.append(indent).append("- obligation: ").append(YamlScalars.text(e.obligation())).append(newline);
        line(text, key, "date", e.date().iso(), newline);
        line(text, key, "recorded", e.recorded().truncatedTo(ChronoUnit.SECONDS).toString(), newline);
        line(text, key, "stance", e.stance().label(), newline);
        line(text, key, "claimant", YamlScalars.text(e.claimant()), newline);
        line(text, key, "basis", e.basis().label(), newline);
        line(text, key, "source", YamlScalars.text(e.source()), newline);
        if (e.url() != null) {
            line(text, key, "url", YamlScalars.text(e.url()), newline);
        }
        if (e.note() != null) {
            line(text, key, "note", YamlScalars.text(e.note()), newline);
        }
        if (e.amount() != null) {
            line(text, key, "amount", e.amount().stripTrailingZeros().toPlainString(), newline);
        }
        line(text, key, "recorded_by", YamlScalars.quoted(e.recordedBy()), newline);
        return text.toString();
    }

    private static void line(StringBuilder text, String indent, String key, String value, String newline) {
        text.append(indent).append(key).append(": ").append(value).append(newline);
    }
}
