package dev.truce.alert;

import java.time.Instant;
import java.util.List;

/**
 * The digest's "changed since the last digest" section: one line per change to the files since the last
 * digest was sent ({@code since}), the first {@link #MAX} of them, and how many more there are. Lines are
 * plain text from the files: the templates escape them.
 */
public record ChangeLines(Instant since, List<String> lines, int more) {
    public static final int MAX = 20;
    public static final ChangeLines NONE = new ChangeLines(null, List.of(), 0);

    public ChangeLines {
        lines = List.copyOf(lines);
    }

    /** The section for {@code all} the changes, cut at {@link #MAX}. */
    public static ChangeLines of(Instant since, List<String> all) {
        return all.isEmpty() ? NONE : new ChangeLines(since, all.subList(0, Math.min(MAX, all.size())),
                Math.max(0, all.size() - MAX));
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
