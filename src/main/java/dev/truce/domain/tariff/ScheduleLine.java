package dev.truce.domain.tariff;

import java.util.List;
import java.util.Objects;

/**
 * One record of the USITC HTS export, with the fields truce uses. {@code htsno} is empty on the records that
 * only group the lines under them ("Other:", {@code superior} true); {@code indent} places a record under the
 * nearest record above it with a smaller indent, as the printed schedule's indentation does.
 */
public record ScheduleLine(String htsno, int indent, String description, boolean superior, String general,
                           List<Footnote> footnotes) {

    public ScheduleLine {
        Objects.requireNonNull(htsno, "htsno");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(general, "general");
        footnotes = List.copyOf(footnotes);
        if (indent < 0) {
            throw new IllegalArgumentException("negative indent");
        }
    }

    /** The number's digits: 8505.11.00.70 is 8505110070 (empty for a grouping record). */
    public String digits() {
        return htsno.replace(".", "");
    }

    /** Whether the record is a heading of chapter 99 (additional duties, not goods). */
    public boolean isChapter99() {
        return htsno.startsWith("99");
    }
}
