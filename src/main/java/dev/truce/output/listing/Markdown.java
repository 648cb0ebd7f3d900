package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** A GitHub-flavoured Markdown table that survives being pasted into chat. */
public final class Markdown {
    private Markdown() {
    }

    public static void header(PrintWriter out, List<String> headers) {
        row(out, headers);
        out.println("|" + headers.stream().map(h -> "---").collect(Collectors.joining("|")) + "|");
    }

    public static void row(PrintWriter out, List<String> cells) {
        out.println("| " + cells.stream().map(Markdown::cell).collect(Collectors.joining(" | ")) + " |");
    }

    /** Text on one line, with the characters Markdown gives meaning to escaped and no control character left. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : Phrases.oneLine(value).toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String cell(String value) {
        return text(value);
    }
}
