package dev.truce.domain.tariff;

import java.util.List;
import java.util.Objects;

/**
 * A footnote of the export, as printed against a line: the columns it is printed in ({@code general},
 * {@code desc}, {@code other}, {@code stat}, {@code units}, {@code special}), its text and its type
 * ({@code endnote} or {@code footnote}).
 */
public record Footnote(List<String> columns, String value, String type) {

    public Footnote {
        columns = List.copyOf(columns);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /** The chapter-99 headings the text points to. */
    public List<HeadingRange> headings() {
        return HeadingRange.allIn(value);
    }

    /**
     * Whether the footnote bears on the duty of goods that pay the general rate (goods of China do): printed in
     * the general column, or against the description (where the schedule notes exclusions such as 9903.88.69),
     * or in no column at all. A footnote only in column 2 ({@code other}: Russia, Belarus, Cuba, North Korea) or in
     * the special column (free-trade programmes) does not.
     */
    public boolean bearsOnGeneralDuty() {
        return columns.isEmpty() || columns.contains("general") || columns.contains("desc");
    }
}
