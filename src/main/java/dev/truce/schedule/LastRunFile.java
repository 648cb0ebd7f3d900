package dev.truce.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When the daemon last finished a run, kept in the state directory. The in-memory scheduler forgets
 * everything when the process ends; this is how a daemon that was down over a scheduled time knows
 * to run once when it comes back. (Cluster mode keeps its triggers in the database instead.)
 */
public final class LastRunFile {
    public static final String NAME = "daemon-last-run";

    private final Path path;

    public LastRunFile(Path stateDirectory) {
        this.path = stateDirectory.resolve(NAME);
    }

    /** The recorded instant; empty when the daemon never finished a run here or the file is unreadable. */
    public Optional<Instant> read() {
        try {
            return Optional.of(Instant.parse(Files.readString(path).trim()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Replaces the record atomically, so a crash mid-write never leaves half an instant. */
    public void record(Instant instant) {
        try {
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), NAME, ".tmp");
            Files.writeString(tmp, instant + System.lineSeparator());
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the last run in " + path, e);
        }
    }

    public Path path() {
        return path;
    }
}
