package dev.truce.yaml;

import dev.truce.domain.Moment;
import dev.truce.domain.Suggestions;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Typed access to the keys of one YAML mapping. Every getter reports what is wrong as a
 * {@link Problem} naming the file, line, column and key path, and returns null or empty so the
 * reader can go on and report every problem of the file at once.
 */
public final class Fields {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME_NO_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    static final String DATE_EXPECTED = "expected YYYY-MM-DD";
    static final String MOMENT_EXPECTED = "expected a date YYYY-MM-DD or a date-time with offset such as 2025-05-14T00:01-04:00";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

    private final String file;
    private final String path;
    private final YamlNode.Mapping mapping;
    private final List<Problem> problems;

    public Fields(String file, String path, YamlNode.Mapping mapping, List<Problem> problems) {
        this.file = file;
        this.path = path;
        this.mapping = mapping;
        this.problems = problems;
    }

    /** Reports every key not in {@code allowed}, with the closest allowed key as a suggestion. */
    public void allowOnly(Collection<String> allowed, Map<String, String> explained) {
        for (Map.Entry<String, Position> key : mapping.keys().entrySet()) {
            String name = key.getKey();
            if (allowed.contains(name)) {
                continue;
            }
            String why = explained.get(name);
            problems.add(new Problem(file, key.getValue(), pathOf(name), why != null ? why
                    : "unknown key (expected one of " + String.join(", ", allowed) + ")"
                      + Suggestions.didYouMean(name, allowed)));
        }
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Position position() {
        return mapping.position();
    }

    public boolean has(String key) {
        YamlNode node = mapping.values().get(key);
        return node != null && !(node instanceof YamlNode.Scalar s && s.isNull());
    }

    public Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.values().get(key));
    }

    /** Where a key's value was written, or the key itself when the value is empty. */
    public Position at(String key) {
        YamlNode node = mapping.values().get(key);
        if (node == null) {
            return mapping.position();
        }
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            return mapping.keys().getOrDefault(key, node.position());
        }
        return node.position();
    }

    public void problem(String key, String message) {
        problems.add(new Problem(file, at(key), pathOf(key), message));
    }

    public void problemAt(Position position, String subPath, String message) {
        problems.add(new Problem(file, position, subPath, message));
    }

    private boolean required(String key, String expected) {
        if (!mapping.values().containsKey(key)) {
            problems.add(new Problem(file, mapping.position(), pathOf(key), "missing (" + expected + ")"));
            return false;
        }
        if (!has(key)) {
            problem(key, "has no value (" + expected + ")");
            return false;
        }
        return true;
    }

    // ---- scalars -------------------------------------------------------------------------

    public String text(String key, boolean required, String expected) {
        if (required ? !required(key, expected) : !has(key)) {
            return null;
        }
        YamlNode node = mapping.values().get(key);
        if (node instanceof YamlNode.Scalar s) {
            if (s.text().isBlank()) {
                problem(key, "is blank (" + expected + ")");
                return null;
            }
            return s.text();
        }
        problem(key, "expected text, found " + node.description());
        return null;
    }

    public String matching(String key, boolean required, Pattern pattern, String expected) {
        String value = text(key, required, expected);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(key, "'" + value + "' is not valid (" + expected + ")");
            return null;
        }
        return value;
    }

    public Integer integer(String key, boolean required, int min, String expected) {
        if (required ? !required(key, expected) : !has(key)) {
            return null;
        }
        YamlNode node = mapping.values().get(key);
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
            try {
                int value = Integer.parseInt(s.text());
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // too large: reported below like any other bad value
            }
            problem(key, s.text() + " is out of range (" + expected + ")");
            return null;
        }
        problem(key, "expected a whole number, found " + node.description() + " (" + expected + ")");
        return null;
    }

    public LocalDate date(String key, boolean required) {
        String value = text(key, required, DATE_EXPECTED);
        return value == null ? null : parseDate(value, key);
    }

    public Moment moment(String key, boolean required) {
        String value = text(key, required, MOMENT_EXPECTED);
        return value == null ? null : parseMoment(value, (message, unused) -> problem(key, message));
    }

    /** Parses a date or a date-time with offset, reporting through {@code report} (message, value). */
    public static Moment parseMoment(String value, BiConsumer<String, String> report) {
        if (DATE.matcher(value).matches()) {
            LocalDate date = fastDate(value);
            if (date == null) {
                report.accept("'" + value + "' is not a real date (" + DATE_EXPECTED + ")", value);
                return null;
            }
            return Moment.ofDate(date);
        }
        try {
            String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + "T" + value.substring(11) : value;
            return Moment.ofDateTime(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            String why = DATE_TIME_NO_OFFSET.matcher(value).matches()
                    ? "'" + value + "' has no UTC offset (add one, e.g. " + value.replace(' ', 'T') + "-05:00)"
                    : "'" + value + "' is not a date or date-time (" + MOMENT_EXPECTED + ")";
            report.accept(why, value);
            return null;
        }
    }

    /** YYYY-MM-DD (already matched by {@link #DATE}) without the formatter machinery; null if no such day. */
    private static LocalDate fastDate(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private LocalDate parseDate(String value, String key) {
        if (!DATE.matcher(value).matches()) {
            problem(key, "'" + value + "' is not a date (" + DATE_EXPECTED + ")");
            return null;
        }
        LocalDate date = fastDate(value);
        if (date == null) {
            problem(key, "'" + value + "' is not a real date (" + DATE_EXPECTED + ")");
        }
        return date;
    }

    public ZoneId zone(String key, boolean required) {
        String value = text(key, required, "expected an IANA time zone such as America/New_York");
        if (value == null) {
            return null;
        }
        try {
            if (!value.contains("/") && !value.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            problem(key, "unknown time zone '" + value + "' (expected an IANA zone such as America/New_York)"
                    + Suggestions.didYouMean(value, ZoneId.getAvailableZoneIds()));
            return null;
        }
    }

    // ---- collections ---------------------------------------------------------------------

    public YamlNode.Mapping mapping(String key, boolean required, String expected) {
        if (required ? !required(key, expected) : !has(key)) {
            return null;
        }
        YamlNode node = mapping.values().get(key);
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        problem(key, "expected a mapping, found " + node.description() + " (" + expected + ")");
        return null;
    }

    public Fields fields(String key, boolean required, String expected) {
        YamlNode.Mapping child = mapping(key, required, expected);
        return child == null ? null : new Fields(file, pathOf(key), child, problems);
    }

    public YamlNode.Sequence sequence(String key, boolean required, String expected) {
        if (required ? !required(key, expected) : !has(key)) {
            return null;
        }
        YamlNode node = mapping.values().get(key);
        if (node instanceof YamlNode.Sequence s) {
            return s;
        }
        problem(key, "expected a list, found " + node.description() + " (" + expected + ")");
        return null;
    }

    /** A list of text items; numbers are taken as written, except decimals, whose trailing zeros YAML drops. */
    public List<String> texts(String key, String expected) {
        YamlNode.Sequence list = sequence(key, false, expected);
        List<String> values = new ArrayList<>();
        if (list == null) {
            return values;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.DECIMAL) {
                problems.add(new Problem(file, item.position(), itemPath, "the number " + s.text()
                        + " must be quoted (\"" + s.text() + "\"): YAML reads it as a number and drops trailing zeros"));
            } else if (item instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
                values.add(s.text());
            } else {
                problems.add(new Problem(file, item.position(), itemPath, "expected text, found " + item.description()
                        + (item instanceof YamlNode.Mapping ? " (a ': ' inside text starts a key: put the text in quotes)" : "")));
            }
        }
        return values;
    }

    public List<String> emails(String key) {
        List<String> values = texts(key, "expected a list of email addresses");
        List<String> valid = new ArrayList<>();
        YamlNode.Sequence list = sequence(key, false, "");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (isEmail(value)) {
                valid.add(value);
            } else {
                Position at = list != null && i < list.items().size() ? list.items().get(i).position() : at(key);
                problems.add(new Problem(file, at, pathOf(key) + "[" + i + "]",
                        "'" + value + "' is not an email address (expected name@example.com)"));
            }
        }
        return valid;
    }

    public String email(String key) {
        String value = text(key, false, "expected an email address");
        if (value != null && !isEmail(value)) {
            problem(key, "'" + value + "' is not an email address (expected name@example.com)");
            return null;
        }
        return value;
    }

    public static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    public List<Integer> integers(String key, int min, String expected) {
        YamlNode.Sequence list = sequence(key, false, expected);
        List<Integer> values = new ArrayList<>();
        if (list == null) {
            return null;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER
                    && s.text().length() < 10 && Integer.parseInt(s.text()) >= min) {
                values.add(Integer.parseInt(s.text()));
            } else {
                problems.add(new Problem(file, item.position(), pathOf(key) + "[" + i + "]",
                        "expected a whole number of at least " + min + ", found " + item.description()));
            }
        }
        return values;
    }
}
