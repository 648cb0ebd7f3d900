package dev.truce.domain.tariff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rate columns of the schedule into {@link Rate}s. The forms read are the ones the export uses for
 * general rates and chapter-99 headings: {@code 25%}, {@code Free}, specific rates ({@code 4.4¢/kg},
 * {@code $1.23/doz.}, {@code 3¢ each}), compounds joined by {@code +}, and the chapter-99 wording "The duty
 * provided in the applicable subheading + 25%" (also written "plus 25%", "+25%", "+ a duty of 25%", or naming the
 * subheadings), which adds its percent to the goods' own duty; "No change" adds nothing. Anything else is kept
 * as unreadable rather than half-read.
 */
public final class RateTexts {
    private static final Pattern ADDED = Pattern.compile(
            "the duty (?:rate )?provided ?in ?(?:the applicable subheading|subheadings? [^+]*?) ?(?:(?:\\+|plus) ?(?:a duty of )?(.*))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?%");
    private static final Pattern PLUS = Pattern.compile(" ?\\+ ?");
    /** A money amount per unit: cents or dollars, never a percent. */
    private static final Pattern SPECIFIC = Pattern.compile("(?:[0-9.]+ ?¢|\\$ ?[0-9.,]+)[^%]*");

    private RateTexts() {
    }

    /** The rate a column's text states; a blank text gives an unreadable rate that {@link Rate#isStated() states} nothing. */
    public static Rate parse(String text) {
        String plain = Spaces.collapse(text);
        if (plain.isEmpty()) {
            return Rate.unreadable("");
        }
        Matcher added = ADDED.matcher(plain);
        if (added.matches()) {
            return added.group(1) == null ? new Rate(plain, Rate.Basis.ADDED, BigDecimal.ZERO, null)
                    : parts(plain, added.group(1), Rate.Basis.ADDED);
        }
        if (plain.equalsIgnoreCase("no change")) {
            return new Rate(plain, Rate.Basis.ADDED, BigDecimal.ZERO, null);
        }
        return parts(plain, plain, Rate.Basis.OWN);
    }

    /** Percents add up; specific parts are listed as uncounted; any other part makes the whole rate unreadable. */
    private static Rate parts(String text, String rates, Rate.Basis basis) {
        BigDecimal percent = BigDecimal.ZERO;
        List<String> specific = new ArrayList<>();
        for (String part : PLUS.split(rates, -1)) {
            Matcher m = PERCENT.matcher(part);
            if (m.matches()) {
                percent = percent.add(new BigDecimal(m.group(1)));
            } else if (part.toLowerCase(Locale.ROOT).equals("free")) {
                continue;
            } else if (SPECIFIC.matcher(part).matches()) {
                specific.add(part);
            } else {
                return basis == Rate.Basis.OWN ? Rate.unreadable(text) : new Rate(text, basis, null, text);
            }
        }
        return new Rate(text, basis, percent, specific.isEmpty() ? null : String.join(" + ", specific));
    }
}
