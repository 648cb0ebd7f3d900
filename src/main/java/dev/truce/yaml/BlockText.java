package dev.truce.yaml;

import dev.truce.yaml.SyntaxHints.Hint;
import dev.truce.yaml.YamlLines.Kind;
import dev.truce.yaml.YamlLines.Line;
import java.util.List;
import java.util.Optional;

/**
 * A line of a block of text ({@code note: >-}) indented less than the lines above it. YAML ends the block at
 * that line and reads it as a key, or as nothing it knows; the person was writing text. Said here so that it
 * is not taken for a key without its ':'.
 */
final class BlockText {
    private BlockText() {
    }

    /** {@code index}: a line without a key, where the parser stopped or just above; explained if it follows a block. */
    static Optional<Hint> of(List<Line> lines, int index) {
        Line line = lines.get(index);
        int above = index - 1;
        while (above >= 0 && lines.get(above).kind() == Kind.BLANK) {
            above--;
        }
        if (line.item() || above < 0 || lines.get(above).kind() != Kind.BLOCK && !lines.get(above).opensBlock()) {
            return Optional.empty();
        }
        int opener = above;
        while (opener >= 0 && !lines.get(opener).content()) {
            opener--;
        }
        if (opener < 0 || !lines.get(opener).opensBlock()) {
            return Optional.empty();
        }
        Line key = lines.get(opener);
        String indented = "this line is " + spaces(line.body());
        return Optional.of(first(lines, opener).map(text -> {
            String but = ", but the lines of text above it are indented " + text.body();
            String advice = "): line it up with them";
            return new Hint(line.number(), line.body() + 1, indented + but + " (line " + text.number() + advice,
                    indented + but + " (" + name(key) + ", line " + text.number() + advice);
        }).orElseGet(() -> {
            String but = ", no more than the key its text belongs to";
            String advice = "): indent the text of a key further than the key";
            return new Hint(line.number(), line.body() + 1, indented + but + " (line " + key.number() + advice,
                    indented + but + " (" + name(key) + ", line " + key.number() + advice);
        }));
    }

    /** The first line of the block's text, which sets how far the rest is indented. */
    private static Optional<Line> first(List<Line> lines, int opener) {
        for (int i = opener + 1; i < lines.size() && lines.get(i).kind() != Kind.CONTENT; i++) {
            if (lines.get(i).kind() == Kind.BLOCK && !lines.get(i).text().isBlank()) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private static String name(Line key) {
        return key.key() == null ? "-" : Problem.snippet(key.key());
    }

    private static String spaces(int n) {
        return n == 0 ? "not indented" : n == 1 ? "indented 1 space" : "indented " + n + " spaces";
    }
}
