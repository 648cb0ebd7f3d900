package dev.truce.output.listing;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jline.utils.WCWidth;

/**
 * A plain-text table with left-aligned columns. Widths are counted in terminal columns, not characters:
 * a Chinese title or an emoji takes two columns, a combining accent none (JLine's WCWidth), so columns stay
 * aligned. A cell may carry colour that does not count toward width.
 */
public final class TextTable {
    public record Cell(String text, UnaryOperator<String> style) {
        public static Cell plain(String text) {
            return new Cell(text, UnaryOperator.identity());
        }
    }

    private final List<String> headers;
    private final List<List<Cell>> rows = new ArrayList<>();

    public TextTable(List<String> headers) {
        this.headers = headers;
    }

    public void add(List<Cell> row) {
        rows.add(row);
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
        }
        for (List<Cell> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i).text()));
            }
        }
        List<Cell> header = headers.stream().map(Cell::plain).toList();
        line(out, header, widths);
        for (List<Cell> row : rows) {
            line(out, row, widths);
        }
    }

    /**
     * {@code text} as it fits in {@code columns} terminal columns: whole if it fits, else cut at a character
     * (never inside a surrogate pair or a wide character's columns) and ended with "…".
     */
    public static String shorten(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int w = width(new String(Character.toChars(c)));
            if (used + w > columns - 1) {
                break;
            }
            kept.appendCodePoint(c);
            used += w;
            i += Character.charCount(c);
        }
        return kept + "…";
    }

    /** How many terminal columns the text takes. */
    public static int width(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            columns += Math.max(0, WCWidth.wcwidth(codePoint));
            i += Character.charCount(codePoint);
        }
        return columns;
    }

    private static void line(PrintWriter out, List<Cell> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            line.append(cell.style().apply(cell.text()));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - width(cell.text()) + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
