package dev.truce.yaml;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The unified diff of two versions of a file, as {@code git diff} prints it, for a person to read what an edit
 * changes ({@code --dry-run}, and after a real run). Lines are compared without their breaks, so a CRLF file
 * shows no {@code \r}; a byte-order mark is not shown.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** {@code label}: the file's name in the {@code --- a/...} and {@code +++ b/...} headers; "" when nothing changed. */
    public static String of(String label, String before, String after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + label, "b/" + label, old, patch, CONTEXT);
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    }
}
