package dev.truce.yaml;

import dev.truce.yaml.SyntaxHints.Hint;
import dev.truce.yaml.SyntaxHints.Level;
import dev.truce.yaml.YamlLines.Line;
import java.util.List;
import java.util.Optional;

/**
 * A key or a list item indented unlike the ones beside it, said in words. Deeper than a key that has a value of
 * its own, YAML reads a key as more of that value and stops at its ':'; between two levels, it stops where the
 * key begins. Either way the fix is to line it up, so both are said the same way, naming the key to line up
 * with. Where YAML stops is not always the line to fix: when the keys on both sides agree, the one between them
 * is out of line, and the first key of a mapping (after '- ', or under its parent) is judged by the keys below it.
 */
final class MisalignedKey {
    private final List<Line> lines;

    MisalignedKey(List<Line> lines) {
        this.lines = lines;
    }

    /** {@code levels}: what the key could line up with, innermost first ({@link SyntaxHints}). */
    Optional<Hint> ofKey(Line key, List<Level> levels) {
        int column = key.body();
        if (levels.isEmpty() || levels.stream().anyMatch(l -> !l.item() && l.column() == column)) {
            return Optional.empty(); // in line with keys above: the parser stopped for another reason
        }
        Level inner = levels.get(0);
        Line shallower = inner.line();
        if (column > inner.column()) {
            if (!shallower.valued()) {
                return Optional.empty(); // under a key with nothing after its colon: nested, not out of line
            }
            if (inner.item()) {
                // deeper than an item of text ("- EO 14298"), YAML reads it as more text; its keys are the list's
                return levels.stream().filter(l -> !l.item() && l.column() < column).findFirst()
                        .map(l -> hint(key, "", " beside it", l.line()));
            }
            Optional<Line> before = content(shallower, -1).filter(l -> l.key() != null && l.body() == column);
            if (before.isPresent()) {
                return Optional.of(hint(shallower, "", " beside it", before.get())); // the one between is out of line
            }
        }
        if (!inner.item() && firstOfItsMapping(shallower) && agreeBelow(key, shallower)) {
            return Optional.of(hint(shallower, shallower.item() ? " (counting its '- ')" : "", " below it", key));
        }
        // less indented than the keys right above it, it is most likely one of them, whatever lies further left
        Level beside = inner.item() ? nearest(levels, column, false) : inner;
        return beside == null ? Optional.empty() : Optional.of(hint(key, "", " beside it", beside.line()));
    }

    /** A list item: its '-' should line up with the '-' of the items beside it (judged as keys are). */
    Optional<Hint> ofItem(Line item, List<Level> levels) {
        int column = item.dash();
        if (levels.isEmpty() || levels.stream().anyMatch(l -> l.item() && l.column() == column)) {
            return Optional.empty();
        }
        Level inner = levels.get(0);
        if (!inner.item() && inner.line().bare()) {
            // the first item under its key may be as deep as the writer likes, but not left of the key
            if (column >= inner.column()) {
                return Optional.empty();
            }
            return Optional.of(nextItem(item, inner.column()).map(next -> itemHint(item, " below it", next))
                    .orElseGet(() -> leftOfItsKey(item, inner.line())));
        }
        Level beside = nearest(levels, column, true);
        if (beside == null) {
            return Optional.empty();
        }
        Line other = beside.line();
        Optional<Line> key = content(other, -1).filter(Line::bare);
        if (key.isPresent() && nextItem(item, key.get().body()).map(next -> next.dash() == column).orElse(false)) {
            return Optional.of(itemHint(other, " below it", item)); // the first item is the odd one out
        }
        return Optional.of(itemHint(item, " beside it", other));
    }

    /** The next item below {@code item} of a list whose key is at {@code keyColumn}. */
    private Optional<Line> nextItem(Line item, int keyColumn) {
        for (Optional<Line> next = content(item, 1); next.isPresent(); next = content(next.get(), 1)) {
            if (next.get().item()) {
                return next.filter(n -> n.dash() >= keyColumn);
            }
            if (next.get().body() <= keyColumn) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Hint leftOfItsKey(Line item, Line key) {
        String indented = "a list item ('-') is " + spaces(item.dash()) + ", but its key above it is " + level(key.body());
        String advice = "): indent the items of a key further than the key";
        return new Hint(item.number(), item.dash() + 1, indented + " (line " + key.number() + advice,
                indented + " (" + name(key) + ", line " + key.number() + advice);
    }

    private static Hint itemHint(Line item, String where, Line other) {
        String message = "a list item ('-') is " + spaces(item.dash()) + ", but the items" + where + " are "
                + level(other.dash()) + " (line " + other.number() + "): line it up with them";
        return new Hint(item.number(), item.dash() + 1, message, message);
    }

    /** The first key after '- ', or right under a key with nothing after its colon, or first in the text. */
    private boolean firstOfItsMapping(Line key) {
        return key.item() || content(key, -1).map(Line::bare).orElse(true);
    }

    /** The next key of {@code key}'s mapping lines up with it (for a first key after '- ': as '- ' + 2 would). */
    private boolean agreeBelow(Line key, Line first) {
        if (first.item() && key.body() == first.dash() + 2) {
            return true;
        }
        Optional<Line> below = content(key, 1);
        if (key.bare() && below.map(Line::body).orElse(-1) == key.body()) {
            return false; // its own keys, moved with it: they say nothing of where it belongs
        }
        for (Optional<Line> next = below; next.isPresent(); next = content(next.get(), 1)) {
            if (next.get().body() <= key.body()) {
                return next.get().key() != null && !next.get().item() && next.get().body() == key.body();
            }
        }
        return false;
    }

    /** The nearest line with keys or items on it, above ({@code step} -1) or below (1). */
    private Optional<Line> content(Line from, int step) {
        int first = lines.get(0).number();
        for (int i = from.number() - first + step; i >= 0 && i < lines.size(); i += step) {
            if (lines.get(i).content()) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private static Hint hint(Line line, String counting, String where, Line other) {
        String indented = " is " + spaces(line.body()) + counting + ", but the keys" + where + " are " + level(other.body());
        String advice = "): line it up with them";
        return new Hint(line.number(), line.body() + 1, "a key" + indented + " (line " + other.number() + advice,
                "'" + name(line) + "'" + indented + " (" + name(other) + ", line " + other.number() + advice);
    }

    /** The level closest to {@code column} of the kind asked for; of two as close, the inner one. */
    private static Level nearest(List<Level> levels, int column, boolean item) {
        Level best = null;
        for (Level level : levels) {
            if (level.item() == item && (best == null
                    || Math.abs(level.column() - column) < Math.abs(best.column() - column))) {
                best = level;
            }
        }
        return best;
    }

    private static String name(Line line) {
        return Problem.snippet(line.key());
    }

    private static String spaces(int n) {
        return n == 0 ? "not indented" : n == 1 ? "indented 1 space" : "indented " + n + " spaces";
    }

    /** The second indentation of a sentence, once "spaces" has been said. */
    private static String level(int n) {
        return n == 0 ? "not indented" : "indented " + n;
    }
}
