package dev.truce.domain.tariff;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A duty rate as the schedule prints it, reduced to what a landed-duty sum can add up: the ad valorem percent,
 * and in words whatever that percent does not count. A specific duty ({@code 4.4¢/kg}, {@code $1.23/doz.}) is
 * per unit, not per dollar, so it cannot be added to percents without a quantity: it is kept in
 * {@code uncounted} and the percent says only what it says. A text this class cannot read (a duty "on the case",
 * "upon the value of the non-U.S. content") has no percent at all: {@code adValorem} is null and the whole text
 * is uncounted, so nobody mistakes a guess for the schedule.
 *
 * @param text      the column's text, with runs of white space (and no-break spaces) made single spaces
 * @param basis     whether the rate stands alone or is added to the duty of the goods' own subheading
 * @param adValorem the percent (0 for {@code Free}); null when the text cannot be read as one
 * @param uncounted what the percent leaves out, such as {@code 4.4¢/kg}; null when nothing is left out
 */
public record Rate(String text, Basis basis, BigDecimal adValorem, String uncounted) {

    /** How a rate relates to the goods' own subheading. */
    public enum Basis {
        /** The line's own rate, such as a product line's general rate, or a chapter-99 rate that replaces it. */
        OWN,
        /** "The duty provided in the applicable subheading + 25%": the percent comes on top of the goods' own duty. */
        ADDED
    }

    public Rate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(basis, "basis");
    }

    /** A text that is not a rate this class can count: empty, or worded beyond the forms it reads. */
    public static Rate unreadable(String text) {
        return new Rate(text, Basis.OWN, null, text.isEmpty() ? null : text);
    }

    /** Whether the column says anything at all (a blank general column says nothing). */
    public boolean isStated() {
        return !text.isEmpty();
    }

    /** Whether {@link #adValorem()} is known. */
    public boolean isReadable() {
        return adValorem != null;
    }

    /** Whether part of the duty (a specific rate, or the whole text) is not in the percent. */
    public boolean hasUncountedPart() {
        return uncounted != null;
    }

    /**
     * Whether two rates charge the same duty: {@code 5%} and {@code 5.0%} do; rates that cannot be read agree
     * only when their texts do.
     */
    public boolean sameDutyAs(Rate other) {
        if (basis != other.basis || isReadable() != other.isReadable()) {
            return false;
        }
        if (!isReadable()) {
            return text.equals(other.text);
        }
        return adValorem.compareTo(other.adValorem) == 0 && Objects.equals(uncounted, other.uncounted);
    }

    @Override
    public String toString() {
        return text;
    }
}
