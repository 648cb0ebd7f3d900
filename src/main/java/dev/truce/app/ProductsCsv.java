package dev.truce.app;

import dev.truce.domain.Phrases;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import dev.truce.domain.exposure.Product;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a desk's product list: CSV (RFC 4180: quoted fields, commas, quotes and line breaks inside them) in
 * UTF-8, with or without a byte-order mark, and a header naming the columns hts, market, value and
 * description in any order, and optionally base_duty and origin (other columns are ignored). Every row has as
 * many fields as the header: one more (an unquoted comma in a value) or one fewer would shift a number into
 * the wrong column. Every problem is reported at once, in line order, as FILE:LINE: column: what is wrong; then
 * the read fails with bad input.
 */
public final class ProductsCsv {
    public static final List<String> COLUMNS = List.of("hts", "market", "value", "description");
    /** Columns a list may have: the duty outside the truce, and where the goods come from. */
    public static final List<String> OPTIONAL = List.of("base_duty", "origin");
    /** A rate is 0 to 1000 percent, as in obligations.yaml. */
    static final BigDecimal MAX_RATE = BigDecimal.valueOf(1000);
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z]{2}");
    private static final String BASE_EXPECTED = "expected the duty outside the truce in percent, as the broker applies "
            + "it, such as 3 or 2.5, 0 to 1000; empty for none";
    private static final String ORIGIN_EXPECTED = "expected the country the goods are a product of, a two-letter code "
            + "such as CN or HK; empty for the truce's other party";

    /** The products of a file, each with the line it starts on (messages about a product name it). */
    public record Read(String label, List<Product> products, List<Long> lines) {
        public Read {
            products = List.copyOf(products);
            lines = List.copyOf(lines);
        }
    }
    /** Enough to fix a file by; a file of ten thousand wrong lines does not need ten thousand lines back. */
    static final int MAX_PROBLEMS = 50;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String VALUE_EXPECTED = "expected the annual import value, a number such as 2400000 or 1250.50";
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline |line: )(\\d+)");
    private static final int SNIPPET = 40;

    private final String label;
    private final List<String> parties;
    private final List<String> problems = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private int problemCount;
    private int headerWidth;

    private ProductsCsv(String label, List<String> parties) {
        this.label = label;
        this.parties = List.copyOf(parties);
    }

    /** The products of the file, or a bad-input failure listing every problem; {@code parties}: the truce's. */
    public static Read read(FileRef file, List<String> parties) {
        try (BufferedReader reader = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            return read(reader, file.label(), parties);
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(file.label() + ": no such file (--products names the product list, a CSV "
                    + "with the header " + String.join(",", COLUMNS) + ")");
        } catch (CharacterCodingException e) {
            throw TruceException.badInput(file.label() + ": is not UTF-8 text (save the product list as CSV UTF-8)");
        } catch (IOException e) {
            throw TruceException.failure("cannot read " + file.label() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw TruceException.badInput(file.label() + ": is not UTF-8 text (save the product list as CSV UTF-8)");
            }
            throw TruceException.failure("cannot read " + file.label() + ": " + e.getCause().getMessage(), e);
        }
    }

    /** The products read from {@code reader}; {@code label} names it in messages. */
    public static Read read(Reader reader, String label, List<String> parties) throws IOException {
        ProductsCsv csv = new ProductsCsv(label, parties);
        List<Product> products = csv.parse(reader);
        return new Read(label, products, csv.lines);
    }

    private List<Product> parse(Reader in) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        skipByteOrderMark(reader);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<Product> products = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            Map<String, Integer> columns = null;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw e;
                    }
                    malformed(e.getCause(), line);
                    break;
                }
                long start = line;
                line = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                if (columns == null) {
                    columns = header(record, start);
                    if (columns == null) {
                        break;
                    }
                    continue;
                }
                product(record, columns, start).ifPresent(p -> {
                    products.add(p);
                    lines.add(start);
                });
            }
            if (columns == null && problems.isEmpty()) {
                problem(1, "is empty (expected a header " + String.join(",", COLUMNS) + ", then one product a line)");
            }
        }
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>(problems);
            if (problemCount > problems.size()) {
                lines.add(label + ": " + (problemCount - problems.size()) + " more problems not shown");
            }
            throw new TruceException(TruceException.Cause.BAD_INPUT, lines);
        }
        return products;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Column positions by name; null (with the problems said) when a column is missing. */
    private Map<String, Integer> header(CSVRecord record, long line) {
        Map<String, Integer> columns = new HashMap<>();
        headerWidth = record.size();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if ((COLUMNS.contains(name) || OPTIONAL.contains(name)) && columns.putIfAbsent(name, i) != null) {
                problem(line, "the header names the column " + name + " twice");
            }
        }
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                List<String> names = new ArrayList<>();
                record.forEach(names::add);
                problem(line, "the header has no column " + column + " (expected " + String.join(",", COLUMNS)
                        + " in any order)" + Suggestions.didYouMean(column, names));
            }
        }
        return problems.isEmpty() ? columns : null;
    }

    private Optional<Product> product(CSVRecord record, Map<String, Integer> columns, long line) {
        if (record.size() != headerWidth) {
            boolean more = record.size() > headerWidth;
            problem(line, "has " + record.size() + (record.size() == 1 ? " field" : " fields") + " where the header has "
                    + headerWidth + (more ? ": one too many (a comma inside a value? quote the value, or remove the "
                    + "comma; a number never has one)" : ": a missing column") + " (expected "
                    + String.join(",", COLUMNS) + ")");
            return Optional.empty();
        }
        int before = problemCount;
        String hts = record.get(columns.get("hts")).strip();
        Product.problemWithCode(hts).ifPresent(p -> problem(line, "hts: " + quoted(hts) + p));
        String market = market(record.get(columns.get("market")).strip(), line);
        BigDecimal value = value(record.get(columns.get("value")).strip(), line);
        String description = record.get(columns.get("description"));
        BigDecimal base = columns.containsKey("base_duty") ? baseDuty(record.get(columns.get("base_duty")).strip(), line)
                : null;
        String origin = columns.containsKey("origin") ? origin(record.get(columns.get("origin")).strip(), market, line)
                : null;
        if (problemCount > before) {
            return Optional.empty();
        }
        return Optional.of(new Product(hts, market, origin, value, description, base));
    }

    /** base_duty: a rate in percent, or nothing. */
    private BigDecimal baseDuty(String rate, long line) {
        if (rate.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(rate).matches()) {
            problem(line, "base_duty: " + quoted(rate) + "is not a number (" + BASE_EXPECTED + "; no % sign)");
            return null;
        }
        BigDecimal number = new BigDecimal(rate);
        if (number.signum() < 0 || number.compareTo(MAX_RATE) > 0) {
            problem(line, "base_duty: " + quoted(rate) + "is outside 0 to 1000 (" + BASE_EXPECTED + ")");
            return null;
        }
        return number;
    }

    /** origin: a country code (any case), or nothing (the truce's other party); never the market itself. */
    private String origin(String origin, String market, long line) {
        if (origin.isEmpty()) {
            return null;
        }
        Optional<String> problem = originProblem(origin, market);
        problem.ifPresent(p -> problem(line, "origin: " + quoted(origin) + p));
        return problem.isPresent() ? null : origin.toUpperCase(Locale.ROOT);
    }

    /** What is wrong with an origin as typed (without quoting it), or empty when it is a code other than the market. */
    public static Optional<String> originProblem(String origin, String market) {
        if (!ORIGIN.matcher(origin).matches()) {
            return Optional.of("is not a country code (" + ORIGIN_EXPECTED + ")");
        }
        if (origin.equalsIgnoreCase(market)) {
            return Optional.of("is the market itself (" + ORIGIN_EXPECTED + "; market is where they are imported)");
        }
        return Optional.empty();
    }

    /** The party as the truce spells it (any case is accepted), or null with a problem. */
    private String market(String market, long line) {
        Optional<String> party = party(market, parties);
        if (party.isEmpty()) {
            problem(line, "market: " + quoted(market) + marketProblem(market, parties));
        }
        return party.orElse(null);
    }

    /** The party as the truce spells it, whatever the case typed. */
    public static Optional<String> party(String market, List<String> parties) {
        return parties.stream().filter(p -> p.equalsIgnoreCase(market)).findFirst();
    }

    /** What is wrong with a market that is not a party (without quoting it). */
    public static String marketProblem(String market, List<String> parties) {
        return (market.isEmpty() ? "is empty" : "is not a party of this truce") + " (expected the importing market, one of "
                + String.join(", ", parties) + ")" + (market.isEmpty() ? "" : Suggestions.didYouMean(market, parties));
    }

    private BigDecimal value(String value, long line) {
        if (value.isEmpty()) {
            problem(line, "value: is empty (" + VALUE_EXPECTED + ")");
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            problem(line, "value: " + quoted(value) + "is not a number (" + VALUE_EXPECTED
                    + "; no thousands separators or currency signs)");
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (number.signum() < 0) {
            problem(line, "value: " + quoted(value) + "is negative (" + VALUE_EXPECTED + ", 0 or more)");
            return null;
        }
        return number;
    }

    /** A value typed in the file, shown back on one line, escaped and cut short. */
    private static String quoted(String typed) {
        if (typed.isEmpty()) {
            return "";
        }
        String shown = typed.codePointCount(0, typed.length()) > SNIPPET
                ? typed.substring(0, typed.offsetByCodePoints(0, SNIPPET)) + "…" : typed;
        return "'" + Phrases.oneLine(shown) + "' ";
    }

    private void malformed(Throwable cause, long fallbackLine) {
        String message = String.valueOf(cause.getMessage());
        Matcher at = LINE_IN_MESSAGE.matcher(message);
        long line = at.find() ? Long.parseLong(at.group(1)) : fallbackLine;
        String what = message.contains("EOF reached before encapsulated token finished")
                ? "a quoted field is never closed (a \" is missing)"
                : message.toLowerCase(Locale.ROOT).contains("invalid char")
                ? "text after a closing quote (inside a quoted field, write a quote as \"\")"
                : "is not valid CSV";
        problem(line, what);
    }

    private void problem(long line, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(label + ":" + line + ": " + message);
        }
    }
}
