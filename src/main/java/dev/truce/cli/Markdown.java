package dev.truce.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** A GitHub-flavoured Markdown table that survives being pasted into chat. */
final class Markdown {
    private Markdown() {
    }

    static void header(PrintWriter out, List<String> headers) {
        row(out, headers);
        out.println("|" + headers.stream().map(h -> "---").collect(Collectors.joining("|")) + "|");
    }

    static void row(PrintWriter out, List<String> cells) {
        out.println("| " + cells.stream().map(Markdown::cell).collect(Collectors.joining(" | ")) + " |");
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
