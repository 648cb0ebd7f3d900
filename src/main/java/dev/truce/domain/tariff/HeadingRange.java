package dev.truce.domain.tariff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapter-99 heading numbers a footnote points to: one ({@code first} equals {@code last}) or an inclusive run
 * ("See 9903.52.00 through 9903.52.26"), which only the schedule can fill in. Numbers are compared as text: they
 * all have the form {@code 99NN.NN.NN}, so text order is number order.
 */
public record HeadingRange(String first, String last) {
    private static final String NUMBER = "99[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}";
    private static final Pattern REFERENCE = Pattern.compile(
            "(" + NUMBER + ")(?:\\s*(?:through|to|-|\u2013|\u2014)\\s*(" + NUMBER + "))?");

    /**
     * Every chapter-99 heading number in a footnote's text, in the order written: "See 9903.88.01, 9903.88.02
     * and 9903.91.05." gives three; text without one ("See chapter 99 statistical note 1.") gives none.
     */
    public static List<HeadingRange> allIn(String text) {
        List<HeadingRange> ranges = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            ranges.add(new HeadingRange(m.group(1), m.group(2) == null ? m.group(1) : m.group(2)));
        }
        return ranges;
    }

    public boolean isSingle() {
        return first.equals(last);
    }

    public boolean contains(String number) {
        return number.compareTo(first) >= 0 && number.compareTo(last) <= 0;
    }
}
