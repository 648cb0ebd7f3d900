package dev.truce.domain.tariff;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A chapter-99 heading that a line's footnotes point to ("See 9903.88.03."), with the heading's own line when
 * the schedule has it ({@code heading} is null when the number is not in this schedule, as in a trimmed one).
 *
 * @param columns        the columns of the footnotes that point to it ("general", "desc", "other", ...)
 * @param bearsOnGeneral whether one of those footnotes bears on goods at the general rate ({@link Footnote#bearsOnGeneralDuty()})
 */
public record HeadingReference(String number, Set<String> columns, boolean bearsOnGeneral, Chapter99Heading heading) {

    public HeadingReference {
        Objects.requireNonNull(number, "number");
        columns = Set.copyOf(columns);
    }

    public boolean isInSchedule() {
        return heading != null;
    }

    /** Whether the heading is in the schedule and in force for goods entered on that date. */
    public boolean inEffectOn(LocalDate entryDate) {
        return heading != null && heading.inEffectOn(entryDate);
    }
}
