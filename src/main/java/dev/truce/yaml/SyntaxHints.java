package dev.truce.yaml;

import dev.truce.yaml.YamlLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains, in words, the syntax errors people make most in a hand-edited file: a key indented unlike the keys
 * beside it ({@link MisalignedKey}), a key without its ':' ({@link MissingColon}), and a line of a note's text
 * indented less than the rest ({@link BlockText}). The parser's own words name tokens ("expected &lt;block
 * end&gt;, but found '?'") and often the line after the mistake; this reads the layout of the lines around
 * the place where the parser stopped instead ({@link YamlLines}), and needs nothing from the parser but that
 * place, so it serves any parser that says where it stopped.
 */
final class SyntaxHints {
    /**
     * An explanation at its place (1-based). {@code message} names nothing typed in the file (it may go to mail
     * and logs); {@code shown} is the same sentence naming the keys and text involved.
     */
    record Hint(int line, int column, String message, String shown) {
    }

    /** A column a line could line up with: a key's, or an item's '-'. */
    record Level(Line line, int column, boolean item) {
    }

    private final List<Line> lines;

    private SyntaxHints(List<Line> lines) {
        this.lines = lines;
    }

    /**
     * What went wrong where the parser stopped, at line {@code errorLine} of {@code texts} (the text's lines,
     * the first of them numbered {@code firstNumber}), if it is one of the mistakes this knows.
     */
    static Optional<Hint> explain(List<String> texts, int firstNumber, int errorLine) {
        int at = errorLine - firstNumber;
        if (at < 0 || texts.isEmpty()) {
            return Optional.empty();
        }
        return new SyntaxHints(YamlLines.of(texts, firstNumber)).explain(Math.min(at, texts.size() - 1));
    }

    private Optional<Hint> explain(int at) {
        if (lines.get(at).prose()) {
            return Optional.empty(); // inside a quoted value or a block of text: something else went wrong
        }
        for (int index : withoutKeys(at)) {
            Optional<Hint> hint = withoutKey(index);
            if (hint.isPresent()) {
                return hint;
            }
        }
        int suspect = lines.get(at).content() ? at : above(at);
        if (suspect < 0) {
            return Optional.empty();
        }
        Line line = lines.get(suspect);
        if (line.item()) {
            return new MisalignedKey(lines).ofItem(line, levels(suspect));
        }
        return line.key() == null ? Optional.empty() : new MisalignedKey(lines).ofKey(line, levels(suspect));
    }

    /**
     * A line without a key: a key without its ':', or a line of a block's text left of the rest. When the text
     * goes on below it, it is the text; when keys or items do, the key.
     */
    private Optional<Hint> withoutKey(int index) {
        Line line = lines.get(index);
        int below = below(index);
        Line next = below < 0 ? null : lines.get(below);
        boolean keyShaped = MissingColon.keyless(line) && MissingColon.amongKeys(line, levels(index), next);
        boolean textGoesOn = next != null && next.key() == null && !next.item() && next.body() > line.body();
        if (keyShaped && !textGoesOn) {
            return Optional.of(MissingColon.hint(line));
        }
        Optional<Hint> text = BlockText.of(lines, index);
        return text.isPresent() || !keyShaped ? text : Optional.of(MissingColon.hint(line));
    }

    /**
     * The lines without a key where the mistake may be: a line that lost its ':' runs on into the lines below it
     * that are deeper (a list under it, say) and into the next one in line with it, so the parser stops there or
     * at the end of the text. So: the stop, and the lines above it up to a key, none further left than the stop.
     */
    private List<Integer> withoutKeys(int at) {
        List<Integer> found = new ArrayList<>();
        Line stop = lines.get(at);
        if (stop.content() && stop.key() == null) {
            found.add(at);
        }
        int limit = stop.content() ? left(stop) : Integer.MAX_VALUE;
        for (int i = at - 1; i >= 0 && !lines.get(i).prose(); i--) {
            Line line = lines.get(i);
            if (line.content()) {
                if (line.key() != null) {
                    break;
                }
                found.add(i);
                if (left(line) < limit) {
                    break;
                }
            }
        }
        return found;
    }

    private static int left(Line line) {
        return line.dash() >= 0 ? line.dash() : line.body();
    }

    /** The nearest line above {@code index} with keys or items on it, or -1; text in between means none. */
    private int above(int index) {
        for (int i = index - 1; i >= 0 && !lines.get(i).prose(); i--) {
            if (lines.get(i).content()) {
                return i;
            }
        }
        return -1;
    }

    /** The nearest line below {@code index} with keys or items on it, or -1. */
    private int below(int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (lines.get(i).content()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The places above a line that it could line up with, innermost first: each key and each item's '-' that
     * is further left than every line between it and {@code index} (what is further right belongs to another key).
     */
    private List<Level> levels(int index) {
        List<Level> levels = new ArrayList<>();
        int left = Integer.MAX_VALUE;
        for (int i = index - 1; i >= 0 && left > 0; i--) {
            Line line = lines.get(i);
            if (!line.content()) {
                continue;
            }
            if (line.key() != null && line.body() < left) {
                levels.add(new Level(line, line.body(), false));
                left = line.body();
            }
            if (line.dash() >= 0 && line.dash() < left) {
                levels.add(new Level(line, line.dash(), true));
                left = line.dash();
            }
        }
        return levels;
    }
}
