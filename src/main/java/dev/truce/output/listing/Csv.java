package dev.truce.output.listing;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. A cell a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading ', as OWASP
 * advises; plain numbers (-21 days left) stay numbers.
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
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !NUMBER.matcher(safe).matches()) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
