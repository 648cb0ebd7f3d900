package dev.truce.app;

import dev.truce.domain.TruceException;
import java.util.List;

/**
 * obligations.yaml cannot be used: its problems in line order, each as `file:line:col: path: what is wrong`, for a
 * terminal ({@link #lines()}) and redacted for mail and logs ({@link #redacted()}: places and kinds, nothing typed
 * in the file). What the commands and the daemon catch when a desk's edit broke the file.
 */
public final class InvalidFile extends TruceException {
    private static final long serialVersionUID = 1L;
    private final List<String> redacted;

    public InvalidFile(List<String> lines, List<String> redacted) {
        super(Cause.BAD_INPUT, lines);
        this.redacted = List.copyOf(redacted);
    }

    public List<String> redacted() {
        return redacted;
    }
}
