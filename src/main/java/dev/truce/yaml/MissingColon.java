package dev.truce.yaml;

import dev.truce.yaml.SyntaxHints.Hint;
import dev.truce.yaml.SyntaxHints.Level;
import dev.truce.yaml.YamlLines.Line;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A key written without its ':' ({@code title Suspend the duty}, {@code party US}): a line that starts with a
 * word and stands where a key would. YAML reads it as text that runs on into the lines below it, and stops a
 * line or more later, often with words about the next key.
 */
final class MissingColon {
    /** A word, then perhaps more on the line: what a key without its ':' looks like. */
    private static final Pattern KEYLESS = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(?:[ \\t]+[^#\\s].*)?");
    /** How much of the line is quoted back: enough to find it. */
    private static final int QUOTED = 20;

    private MissingColon() {
    }

    /** Shaped like a key without its ':'. */
    static boolean keyless(Line line) {
        return line.content() && line.key() == null && KEYLESS.matcher(line.bodyText().stripTrailing()).matches();
    }

    /**
     * Whether {@code line} stands where a key would: in line with keys above it, or first in its mapping (under a
     * key with nothing after its colon, after a '- ', or first in the text) with the next key in line with it.
     * {@code levels}: what it could line up with ({@link SyntaxHints}); {@code next}: the next line with keys or
     * items on it, or null.
     */
    static boolean amongKeys(Line line, List<Level> levels, Line next) {
        boolean nextInLine = next == null || next.key() != null && next.body() == line.body();
        if (line.item()) {
            boolean firstItem = levels.stream().filter(l -> l.column() < line.dash()).findFirst()
                    .map(l -> !l.item() && l.line().bare()).orElse(true);
            return nextInLine && (firstItem || levels.stream().anyMatch(l -> l.item() && l.column() == line.dash()));
        }
        if (levels.stream().anyMatch(l -> !l.item() && l.column() == line.body())) {
            return true;
        }
        boolean firstKey = levels.stream().filter(l -> l.column() < line.body()).findFirst()
                .map(l -> !l.item() && l.line().bare()).orElse(true);
        return firstKey && nextInLine;
    }

    static Hint hint(Line line) {
        String start = Problem.snippet(cut(line.bodyText().strip()), QUOTED + 1);
        String advice = ": a key and its value are written 'key: value'";
        return new Hint(line.number(), line.body() + 1, "this line has no ':' after its key" + advice,
                "this line has no ':' after its key ('" + start + "')" + advice);
    }

    /** The first words of a line, cut at a space near {@value #QUOTED} characters (else at {@value #QUOTED}). */
    private static String cut(String text) {
        if (text.length() <= QUOTED) {
            return text;
        }
        int space = text.lastIndexOf(' ', QUOTED);
        return text.substring(0, space > QUOTED / 2 ? space : QUOTED) + "…";
    }
}
