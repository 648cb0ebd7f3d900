package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. A cell a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading ', as OWASP
 * advises; plain numbers (-21 days left) stay numbers. A CSV file is also read with {@code cat} in a terminal:
 * control characters other than the tab and the line breaks CSV itself allows (ESC, BEL, DEL, C1 such as U+009B)
 * and the bidirectional overrides (U+202E and its kin) are written as a backslash, u and four hex digits (as the table
 * and Markdown show them), so a file cannot recolour, clear or reorder a screen.
 */
public final class Csv {
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    private Csv() {
    }

    public static void row(PrintWriter out, List<String> fields) {
        out.print(fields.stream().map(Csv::field).collect(Collectors.joining(",")));
        out.print("\r\n");
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = inert(value);
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !NUMBER.matcher(safe).matches()) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** The text with every character that acts on a terminal escaped (backslash, u, four hex digits); tabs and line breaks kept. */
    static String inert(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean acts = c != '\t' && c != '\n' && c != '\r' && (Character.isISOControl(c) || Phrases.isBidiControl(c));
            if (acts && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                out.append(acts ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }
}
