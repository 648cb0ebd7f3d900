package dev.truce.domain.tariff;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading of chapter 99 (9903.88.03, 9903.91.06, ...), the schedule's home for duties added by trade actions,
 * read from its own line: the rate in its general column ("The duty provided in the applicable subheading + 25%"),
 * the entry dates its description gives, and the compiler's note, if any, that the provision is suspended,
 * terminated or expired. The description is kept whole: it is what names the layer for a person.
 *
 * @param note the text of a "[Compiler's note: ...]" in the description, or null
 */
public record Chapter99Heading(String number, String description, Rate rate, EffectivePeriod effective, String note) {
    private static final Pattern NOTE = Pattern.compile("\\[Compiler[\u2019']s note: ?([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern STOPPED = Pattern.compile("\\b(?:suspended|terminated|expired)\\b");

    public Chapter99Heading {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effective, "effective");
    }

    /** The heading as the line of the export states it. */
    public static Chapter99Heading of(ScheduleLine line) {
        Matcher note = NOTE.matcher(line.description());
        boolean noted = line.description().contains("note:") && note.find();
        return new Chapter99Heading(line.htsno(), line.description(), RateTexts.parse(line.general()),
                EffectiveDates.in(line.description()), noted ? note.group(1).strip() : null);
    }

    /**
     * Whether a compiler's note says the provision is suspended, terminated or expired without saying from when
     * (a dated end is in {@link #effective()} instead). Such a heading is in force on no date of this revision:
     * the revision is the schedule as it stands when published, and it says the provision does not apply.
     */
    public boolean stopped() {
        return note != null && effective.until() == null && STOPPED.matcher(note.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether goods entered on that date pay this heading's duty (when the goods are of the kind it describes). */
    public boolean inEffectOn(LocalDate entryDate) {
        return !stopped() && effective.covers(entryDate);
    }
}
