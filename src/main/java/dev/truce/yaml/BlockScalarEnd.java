package dev.truce.yaml;

/**
 * Where a block scalar ({@code |} or {@code >}) really ends. SnakeYAML's end mark falls after the blank lines
 * that follow it, which belong to whatever comes next; its content ends at its last line with text. Lines
 * inserted right after that line leave its value alone, except in two cases this names as a risk: the scalar
 * keeps its trailing lines ({@code |+}, {@code >+}: they are part of its value), or a line of spaces follows
 * it and an explicit indentation indicator ({@code |2}) makes it unclear whether those spaces are content.
 */
record BlockScalarEnd(int last, String risk) {
    static final String KEEPS = "a block scalar that keeps its trailing lines (|+ or >+) ends here";
    static final String UNCLEAR = "a block scalar with an indentation indicator (such as |2) is followed by a line "
            + "of spaces here";

    /** {@code start}: the offset of the {@code |} or {@code >}; {@code end}: SnakeYAML's end mark. */
    static BlockScalarEnd of(String text, TextLines lines, int start, int end) {
        int header = lines.lineOf(start);
        String indicators = indicators(text, start + 1);
        boolean keeps = indicators.indexOf('+') >= 0;
        boolean explicitIndent = indicators.chars().anyMatch(Character::isDigit);
        int lastLine = end >= text.length() ? lines.count() - 1 : lines.lineOf(end) - 1;
        int indent = Integer.MAX_VALUE; // the content's indentation: that of its least indented line with text
        for (int line = header + 1; line <= lastLine; line++) {
            if (!lines.text(line).isBlank()) {
                indent = Math.min(indent, indentation(lines.text(line)));
            }
        }
        boolean spacesSkipped = false;
        for (int line = lastLine; line > header; line--) {
            String content = lines.text(line);
            // a line of more spaces than the indentation is content: its extra spaces are part of the value
            if (!content.isBlank() || !explicitIndent && content.length() > indent) {
                return new BlockScalarEnd(lines.end(line) - 1, risk(keeps, explicitIndent && spacesSkipped));
            }
            spacesSkipped |= !content.isEmpty();
        }
        return new BlockScalarEnd(lines.end(header) - 1, risk(keeps, explicitIndent && spacesSkipped));
    }

    private static String risk(boolean keeps, boolean unclear) {
        return keeps ? KEEPS : unclear ? UNCLEAR : null;
    }

    /** The characters after {@code |} or {@code >} up to a space, a comment or the line's end: "-", "+", "2-". */
    private static String indicators(String text, int from) {
        int i = from;
        while (i < text.length() && "+-0123456789".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return text.substring(from, i);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
