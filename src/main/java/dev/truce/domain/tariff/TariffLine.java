package dev.truce.domain.tariff;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the schedule says about one code: its base rate (the general rate of its 8-digit line) and the
 * chapter-99 headings that its footnotes, or those of the lines it sits under, point to.
 *
 * @param code        the code looked up, digits only (6, 8 or 10 of them as a rule)
 * @param description the description of the record with exactly that code, else of its (first) 8-digit line
 * @param base        the general rate of the 8-digit line (a statistical line has none of its own)
 * @param references  the chapter-99 headings pointed to, nearest record first, each once
 * @param rateLines   the numbers of the 8-digit lines whose rate this is: one, or several that agree
 */
public record TariffLine(String code, String description, Rate base, List<HeadingReference> references,
                         List<String> rateLines) {

    public TariffLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(base, "base");
        references = List.copyOf(references);
        rateLines = List.copyOf(rateLines);
    }

    /** The headings that bear on goods at the general rate (China's goods): not those of column 2 or special programmes. */
    public List<HeadingReference> generalReferences() {
        return references.stream().filter(HeadingReference::bearsOnGeneral).toList();
    }

    /** Of {@link #generalReferences()}, those in the schedule and in force for goods entered on that date. */
    public List<HeadingReference> inEffectOn(LocalDate entryDate) {
        return generalReferences().stream().filter(r -> r.inEffectOn(entryDate)).toList();
    }

    /** The same duty: same base rate and the same general headings (ordered as written, compared as a set). */
    boolean sameDutyAs(TariffLine other) {
        return base.sameDutyAs(other.base) && numbers(this).equals(numbers(other));
    }

    private static Set<String> numbers(TariffLine line) {
        return line.generalReferences().stream().map(HeadingReference::number)
                .collect(Collectors.toSet());
    }
}
