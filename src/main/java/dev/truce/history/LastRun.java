package dev.truce.history;

import dev.truce.state.StateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a user last ran `truce changes` (or made a briefing), and the commit HEAD named then (null outside git): the
 * default starting point of the next run. One small private file per user and bookmark in the state folder.
 */
public record LastRun(Instant at, String commit) {
    public static Path file(Path stateDirectory, String user) {
        return file(stateDirectory, "changes", user);
    }

    /** {@code bookmark}: whose place it is, `changes` or the briefing's own (`briefing`), so neither moves the other. */
    public static Path file(Path stateDirectory, String bookmark, String user) {
        return stateDirectory.resolve(bookmark + "-last-run-" + StateFiles.userPart(user));
    }

    /** The record in {@code file}; empty when there is none or it cannot be read (then the default applies). */
    public static Optional<LastRun> read(Path file) {
        try {
            Optional<byte[]> bytes = StateFiles.readBytes(file);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            Instant at = null;
            String commit = null;
            for (String line : new String(bytes.get(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("at=")) {
                    at = Instant.parse(line.substring(3).trim());
                } else if (line.startsWith("commit=") && line.substring(7).trim().matches("[0-9a-f]{40}")) {
                    commit = line.substring(7).trim();
                }
            }
            return at == null ? Optional.empty() : Optional.of(new LastRun(at, commit));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public void write(Path file) throws IOException {
        StateFiles.write(file, ("at=" + at + "\n" + (commit == null ? "" : "commit=" + commit + "\n"))
                .getBytes(StandardCharsets.UTF_8));
    }
}
