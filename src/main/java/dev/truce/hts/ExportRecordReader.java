package dev.truce.hts;

import dev.truce.domain.TruceException;
import dev.truce.domain.tariff.Footnote;
import dev.truce.domain.tariff.ScheduleLine;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Walks the export's tokens record by record into {@link ScheduleLine}s, keeping only the fields the schedule
 * uses and skipping the rest (units, special, other, quotaQuantity, additionalDuties and the export's own
 * misspelt "addiitionalDuties"), so a field USITC adds later costs nothing. The token layer, not data binding:
 * nothing is built that is not kept, and every problem knows its line and column.
 */
final class ExportRecordReader {
    /** A few more than the 35,509 records of 2026 Revision 10, so the list is not copied as it grows. */
    private static final int EXPECTED_RECORDS = 36_000;
    private static final String EXPECTED = "expected the USITC HTS export (hts.usitc.gov, Export, JSON): an array of"
            + " records with htsno, indent, description, general and footnotes";

    private final JsonParser parser;
    private final String label;
    private int record;
    private String htsno;

    ExportRecordReader(JsonParser parser, String label) {
        this.parser = parser;
        this.label = label;
    }

    List<ScheduleLine> records() {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw TruceException.badInput(label + ": the file is empty (" + EXPECTED + ")");
        }
        if (first != JsonToken.START_ARRAY) {
            throw problem("found " + kind(first) + " (" + EXPECTED + ")");
        }
        List<ScheduleLine> lines = new ArrayList<>(EXPECTED_RECORDS);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            record++;
            htsno = null;
            if (token != JsonToken.START_OBJECT) {
                throw problem(where() + " is " + kind(token) + ", not a record (" + EXPECTED + ")");
            }
            lines.add(line());
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw problem("found " + kind(after) + " after the end of the array of records");
        }
        return lines;
    }

    private ScheduleLine line() {
        TokenStreamLocation start = parser.currentTokenLocation();
        Integer indent = null;
        String description = "";
        boolean superior = false;
        String general = "";
        List<Footnote> footnotes = List.of();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "htsno" -> htsno = text(name, value);
                case "indent" -> indent = indent(value);
                case "description" -> description = orEmpty(text(name, value));
                case "superior" -> superior = flag(name, value);
                case "general" -> general = orEmpty(text(name, value));
                case "footnotes" -> footnotes = footnotes(value);
                default -> parser.skipChildren();
            }
        }
        if (htsno == null) {
            throw problem(start, where() + " has no \"htsno\" (" + EXPECTED + ")");
        }
        if (indent == null) {
            throw problem(start, where() + " has no \"indent\" (" + EXPECTED + ")");
        }
        return new ScheduleLine(htsno.strip(), indent, description, superior, general, footnotes);
    }

    private List<Footnote> footnotes(JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(value, JsonToken.START_ARRAY, "footnotes", "a list");
        List<Footnote> footnotes = new ArrayList<>(2);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(token, JsonToken.START_OBJECT, "footnotes", "a list of footnotes");
            List<String> columns = List.of();
            String text = "";
            String type = "";
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken field = parser.nextToken();
                switch (name) {
                    case "columns" -> columns = columns(field);
                    case "value" -> text = orEmpty(text("footnotes.value", field));
                    case "type" -> type = orEmpty(text("footnotes.type", field));
                    default -> parser.skipChildren();
                }
            }
            footnotes.add(new Footnote(columns, text, type));
        }
        return footnotes;
    }

    private List<String> columns(JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(value, JsonToken.START_ARRAY, "footnotes.columns", "a list");
        List<String> columns = new ArrayList<>(2);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            columns.add(orEmpty(text("footnotes.columns", token)));
        }
        return columns;
    }

    /** A string, or null for JSON null. */
    private String text(String field, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING, field, "text");
        return parser.getString();
    }

    /** The export writes indents as text ("2"); a number is read too. */
    private int indent(JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                && parser.getIntValue() >= 0) {
            return parser.getIntValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            int indent = smallNumber(parser.getString().strip());
            if (indent >= 0) {
                return indent;
            }
        }
        throw problem(where() + ": \"indent\": expected a whole number such as \"2\", found " + kind(value));
    }

    /** One to three digits as a number, else -1 (no regular expression: this runs for every record). */
    private static int smallNumber(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int number = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** The export writes "true" or null; JSON booleans are read too. */
    private boolean flag(String field, JsonToken value) {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_STRING -> Boolean.parseBoolean(parser.getString().strip());
            default -> throw problem(where() + ": \"" + field + "\": expected true or false, found " + kind(value));
        };
    }

    private void expect(JsonToken actual, JsonToken expected, String field, String what) {
        if (actual != expected) {
            throw problem(where() + ": \"" + field + "\": expected " + what + ", found " + kind(actual));
        }
    }

    /** "record 17 (8505.11.00)", or "record 17" before its htsno is read. */
    private String where() {
        return "record " + record + (htsno == null || htsno.isBlank() ? "" : " (" + htsno.strip() + ")");
    }

    private TruceException problem(String message) {
        return problem(parser.currentTokenLocation(), message);
    }

    private TruceException problem(TokenStreamLocation at, String message) {
        return TruceException.badInput(HtsExportReader.at(label, at) + message);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
