package dev.truce.yaml;

import java.util.Comparator;

/**
 * One thing wrong with a file, rendered as {@code FILE:LINE:COL: path.to.key: what is wrong}.
 * {@code path} may be empty for problems with the file as a whole.
 */
public record Problem(String file, Position position, String path, String message) {
    public static final Comparator<Problem> IN_LINE_ORDER = Comparator.comparing(Problem::position);

    public String render() {
        String where = file + ":" + position.line() + ":" + position.column() + ": ";
        return path.isEmpty() ? where + message : where + path + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
