package dev.truce.app;

import dev.truce.state.StateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * When an alert run (cron's `truce alert` or a daemon fire) last finished without a failure, kept in the state
 * folder beside the file, so `truce check` can tell a monitoring system that alerts stopped: a dead cron
 * sends nothing, and nothing else would say so.
 */
public final class AlertHeartbeat {
    public static final String FILE_NAME = "alert-last-success";

    private AlertHeartbeat() {
    }

    static void beat(Path stateDirectory, Instant at, Consumer<String> notices) {
        try {
            StateFiles.write(stateDirectory.resolve(FILE_NAME), at + "\n");
        } catch (IOException | RuntimeException e) {
            notices.accept("warning: cannot record this successful run in " + stateDirectory + " (" + e.getMessage()
                    + "): truce check may report alerts as stopped");
        }
    }

    /** The last success recorded; empty when no run succeeded here yet (or the record cannot be read). */
    public static Optional<Instant> last(Path stateDirectory) {
        try {
            return StateFiles.read(stateDirectory.resolve(FILE_NAME)).map(String::strip).map(Instant::parse);
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
