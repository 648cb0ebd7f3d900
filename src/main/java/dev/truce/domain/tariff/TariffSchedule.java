package dev.truce.domain.tariff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One revision of the US tariff schedule, indexed for the questions exposure asks: the base rate of a code and
 * the chapter-99 headings that add to it.
 *
 * <p>How a code finds its rate. The general rate sits on the 8-digit line; a 10-digit statistical line under it
 * has none of its own and takes the line's. Where an 8-digit line has a single statistical suffix the export
 * prints one 10-digit record with the rate (8505.20.00.00), and that record is the 8-digit line. A code shorter
 * than 8 digits covers every 8-digit line that starts with it: it has one rate when they all charge the same
 * duty (same base rate, same chapter-99 headings for goods at the general rate), else it is ambiguous.
 * Chapter-99 numbers are not goods: looking one up finds nothing; {@link #heading(String)} reads them.
 *
 * <p>Which footnotes count. A footnote applies to the record it is printed against and to every record
 * indented under it, as in the printed schedule: a code collects the footnotes of its own record and of each
 * parent, the nearest record above with a smaller indent, up to the heading. So a statistical line carries its
 * 8-digit line's "See 9903.88.03." and its own "See 9903.88.69." (an exclusion printed against it alone), while
 * an 8-digit code does not carry the footnotes printed against one of its statistical lines only. A run of
 * headings ("9903.52.00 through 9903.52.26") stands for every heading of the schedule in it.
 */
public final class TariffSchedule {
    /** After '9' in text order: a prefix's digits up to this bound the codes that start with it. */
    private static final String AFTER_DIGITS = ":";
    private static final Pattern CODE = Pattern.compile("[0-9]{2,10}");

    private final Revision revision;
    private final List<ScheduleLine> lines;
    private final int[] parent;
    private final NavigableMap<String, Integer> rateLines = new TreeMap<>();
    private final NavigableMap<String, Integer> statisticalLines = new TreeMap<>();
    private final Map<String, Integer> byDigits = new HashMap<>();
    /** Chapter-99 lines by number; read into headings when first asked for (a revision has 3,000, a product 1 to 3). */
    private final NavigableMap<String, ScheduleLine> chapter99 = new TreeMap<>();
    private final Map<String, Chapter99Heading> headings = new ConcurrentHashMap<>();
    /** Rate texts and footnote texts repeat across thousands of lines: each is read once. */
    private final Map<String, Rate> rates = new ConcurrentHashMap<>();
    private final Map<String, List<HeadingRange>> ranges = new ConcurrentHashMap<>();

    private TariffSchedule(Revision revision, List<ScheduleLine> lines) {
        this.revision = revision;
        this.lines = List.copyOf(lines);
        this.parent = parents(this.lines);
        index();
    }

    /** The schedule of the export's records, in the export's order (the order carries the indentation). */
    public static TariffSchedule of(Revision revision, List<ScheduleLine> lines) {
        return new TariffSchedule(revision, lines);
    }

    public Revision revision() {
        return revision;
    }

    /** How many records the export had. */
    public int size() {
        return lines.size();
    }

    /** The chapter-99 heading with that number (9903.88.03), if this schedule has it. */
    public Optional<Chapter99Heading> heading(String number) {
        return Optional.ofNullable(headingOrNull(number.strip()));
    }

    /** Every chapter-99 heading, in number order. */
    public List<Chapter99Heading> headings() {
        return chapter99.keySet().stream().map(this::headingOrNull).toList();
    }

    private Chapter99Heading headingOrNull(String number) {
        ScheduleLine line = chapter99.get(number);
        return line == null ? null : headings.computeIfAbsent(number, n -> Chapter99Heading.of(line));
    }

    /**
     * What the schedule says about a code of goods, written with or without dots (8542.31, 8507600090).
     *
     * @throws IllegalArgumentException when the code is not 2 to 10 digits (check codes before, with the
     *                                  product's rules, to say which line of which file is wrong)
     */
    public CodeLookup lookup(String code) {
        String digits = code.replace(".", "").strip();
        if (!CODE.matcher(digits).matches()) {
            throw new IllegalArgumentException("not an HTS code: '" + code + "'");
        }
        if (digits.startsWith("99")) {
            return new CodeLookup.Missing(digits);
        }
        return digits.length() >= 8 ? lookupLine(digits) : lookupGroup(digits);
    }

    private CodeLookup lookupLine(String digits) {
        Integer rate = rateLines.get(digits.substring(0, 8));
        Integer own = digits.length() == 8 ? rate : statisticalLines.get(digits);
        if (rate == null || (digits.length() == 9 && !hasStatisticalLineUnder(digits))) {
            return new CodeLookup.Missing(digits);
        }
        if (digits.length() == 10 && own == null) {
            return new CodeLookup.Missing(digits);
        }
        return new CodeLookup.Found(line(digits, rate, own == null ? rate : own));
    }

    private CodeLookup lookupGroup(String digits) {
        List<TariffLine> under = new ArrayList<>();
        rateLines.subMap(digits, true, digits + AFTER_DIGITS, false).forEach((eight, i) -> under.add(line(eight, i, i)));
        if (under.isEmpty()) {
            return new CodeLookup.Missing(digits);
        }
        TariffLine first = under.get(0);
        if (!under.stream().allMatch(first::sameDutyAs)) {
            return new CodeLookup.Ambiguous(digits, under);
        }
        // they agree on what goods at the general rate pay; the first line's references stand for all
        List<String> numbers = under.stream().flatMap(l -> l.rateLines().stream()).toList();
        Integer own = byDigits.get(digits);
        String description = own == null ? first.description() : lines.get(own).description();
        return new CodeLookup.Found(new TariffLine(digits, description, first.base(), first.references(), numbers));
    }

    private boolean hasStatisticalLineUnder(String prefix) {
        String next = statisticalLines.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** The line for {@code code}: the rate from record {@code rate}, the footnotes from record {@code own} up. */
    private TariffLine line(String code, int rate, int own) {
        List<Integer> chain = chain(own);
        if (!chain.contains(rate)) {
            chain.addAll(chain(rate));
        }
        Integer exact = byDigits.get(code);
        ScheduleLine described = lines.get(exact == null ? rate : exact);
        return new TariffLine(code, described.description(), rates.computeIfAbsent(lines.get(rate).general(),
                RateTexts::parse), references(chain), List.of(lines.get(rate).htsno()));
    }

    /** The record and its parents, nearest first. */
    private List<Integer> chain(int record) {
        List<Integer> chain = new ArrayList<>();
        for (int i = record; i >= 0; i = parent[i]) {
            chain.add(i);
        }
        return chain;
    }

    private List<HeadingReference> references(List<Integer> chain) {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        Set<String> general = new LinkedHashSet<>();
        for (int i : chain) {
            for (Footnote footnote : lines.get(i).footnotes()) {
                for (HeadingRange range : ranges.computeIfAbsent(footnote.value(), HeadingRange::allIn)) {
                    for (String number : numbers(range)) {
                        columns.computeIfAbsent(number, n -> new LinkedHashSet<>()).addAll(footnote.columns());
                        if (footnote.bearsOnGeneralDuty()) {
                            general.add(number);
                        }
                    }
                }
            }
        }
        List<HeadingReference> references = new ArrayList<>();
        columns.forEach((number, cols) -> references.add(
                new HeadingReference(number, cols, general.contains(number), headingOrNull(number))));
        return references;
    }

    /** A single number as written; a run as the schedule's headings in it, or its two ends when it has none. */
    private Collection<String> numbers(HeadingRange range) {
        if (range.isSingle()) {
            return List.of(range.first());
        }
        Collection<String> inSchedule = chapter99.subMap(range.first(), true, range.last(), true).keySet();
        return inSchedule.isEmpty() ? List.of(range.first(), range.last()) : inSchedule;
    }

    private void index() {
        for (int i = 0; i < lines.size(); i++) {
            ScheduleLine line = lines.get(i);
            String digits = line.digits();
            if (digits.isEmpty()) {
                continue;
            }
            if (line.isChapter99()) {
                if (digits.length() == 8) {
                    chapter99.putIfAbsent(line.htsno(), line);
                }
                continue;
            }
            byDigits.putIfAbsent(digits, i);
            if (digits.length() == 8) {
                rateLines.putIfAbsent(digits, i);
            } else if (digits.length() == 10) {
                statisticalLines.putIfAbsent(digits, i);
            }
        }
        // a 10-digit record with no 8-digit record above it is the 8-digit line too (8505.20.00.00)
        statisticalLines.forEach((ten, i) -> rateLines.putIfAbsent(ten.substring(0, 8), i));
    }

    /** For each record, the nearest record above it with a smaller indent (-1 for none). */
    private static int[] parents(List<ScheduleLine> lines) {
        int[] parent = new int[lines.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            int indent = lines.get(i).indent();
            while (!open.isEmpty() && lines.get(open.peek()).indent() >= indent) {
                open.pop();
            }
            parent[i] = open.isEmpty() ? -1 : open.peek();
            open.push(i);
        }
        return parent;
    }
}
