package dev.truce.domain.tariff;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entry dates out of a chapter-99 heading's description, in the forms the schedule words them:
 * <ul>
 * <li>"Effective with respect to entries on or after January 1, 2026, ..." (the 2024 four-year review's staged
 * increases, 9903.91.xx), with an end when it goes on "and before January 1, 2026" (exclusive) or "and through
 * November 9, 2026" (inclusive);</li>
 * <li>"entered for consumption, or withdrawn from warehouse for consumption, on or after (or: after, before)
 * 12:01 a.m. eastern daylight time on August 27, 2025" (the executive orders' wording);</li>
 * <li>a compiler's note "provision terminated as of February 7, 2026" or "expired at the close of Dec. 31, 2020"
 * as an end.</li>
 * </ul>
 * A description without such words applies whenever the revision is in force; so does one whose dates
 * contradict each other. The 12:01 a.m. is read as the start of that day: a revision is dated by days.
 */
public final class EffectiveDates {
    private static final String DATE = "((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? [0-9]{1,2}, ?[0-9]{4})";
    private static final Pattern EFFECTIVE = Pattern.compile("effective with respect to (?:entries|goods|articles)"
            + "[^.;\\[\\]]{0,300}?on or after " + DATE + "(?:,? and (before|through) " + DATE + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTERED = Pattern.compile("entered for consumption, or withdrawn from warehouse for"
            + " consumption,? (before|(?:on or )?after) 12:01 a\\.m\\. eastern (?:daylight|standard) time on " + DATE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDED = Pattern.compile(
            "(terminated as of|terminated on|expired at the close of) " + DATE, Pattern.CASE_INSENSITIVE);

    private EffectiveDates() {
    }

    /** The period a heading's description states; {@link EffectivePeriod#ALWAYS} when it states none. */
    public static EffectivePeriod in(String description) {
        String text = Spaces.collapse(description);
        // most headings (the 1,400 temporary reductions of 9902 among them) state no date: a plain search
        // for the words each form needs skips the patterns, which are a third of reading a whole revision
        String lower = text.toLowerCase(Locale.ROOT);
        LocalDate from = null;
        LocalDate until = null;
        Matcher effective = EFFECTIVE.matcher(text);
        if (lower.contains("effective with respect to") && effective.find()) {
            from = date(effective.group(1));
            if (effective.group(2) != null) {
                LocalDate end = date(effective.group(3));
                until = effective.group(2).equalsIgnoreCase("through") ? end.plusDays(1) : end;
            }
        } else if (lower.contains("withdrawn from warehouse")) {
            Matcher entered = ENTERED.matcher(text);
            while (entered.find()) {
                if (entered.group(1).equalsIgnoreCase("before")) {
                    until = date(entered.group(2));
                } else {
                    from = date(entered.group(2));
                }
            }
        }
        Matcher ended = ENDED.matcher(text);
        if ((lower.contains("terminated") || lower.contains("expired")) && ended.find()) {
            LocalDate end = date(ended.group(2));
            until = ended.group(1).toLowerCase(Locale.ROOT).startsWith("expired") ? end.plusDays(1) : end;
        }
        // dates that contradict each other are not one period: say nothing rather than pick one
        boolean contradictory = from != null && until != null && !until.isAfter(from);
        return contradictory || (from == null && until == null) ? EffectivePeriod.ALWAYS
                : new EffectivePeriod(from, until);
    }

    /** "January 1, 2026", "Dec. 31, 2020", "Sept. 1,2019". */
    static LocalDate date(String text) {
        String[] parts = text.replace(",", " ").replace(".", " ").trim().split(" +");
        return LocalDate.of(Integer.parseInt(parts[2]), month(parts[0]), Integer.parseInt(parts[1]));
    }

    private static Month month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().startsWith(prefix)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
