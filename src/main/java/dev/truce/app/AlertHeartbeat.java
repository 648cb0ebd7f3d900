package dev.truce.app;

import dev.truce.state.StateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * When an alert run (cron's `truce alert` or a daemon fire) last finished without a failure, a run with nothing
 * to send included, kept in the state folder beside the file, so `truce check` can tell a monitoring system that
 * alerts stopped: a dead cron sends nothing, and nothing else would say so. The record is read as something that
 * may have been damaged or replaced: at most {@value #MAX_BYTES} bytes of a regular file are read, so a link to
 * /dev/zero, a pipe or a directory is named as such rather than read for ever.
 */
public final class AlertHeartbeat {
    public static final String FILE_NAME = "alert-last-success";
    /** "2026-12-07T12:00:00Z" and a line break, with room to spare. */
    static final int MAX_BYTES = 64;

    private AlertHeartbeat() {
    }

    /** What the record says: no run recorded yet, the time of the last success, or why it cannot be read. */
    public sealed interface Reading permits None, At, Unreadable {
    }

    /** No successful run recorded here yet: the file is not there. */
    public record None() implements Reading {
    }

    public record At(Instant at) implements Reading {
    }

    /** {@code why} completes "the record ... is" / "cannot be read:": fixed words, never the file's bytes. */
    public record Unreadable(String why) implements Reading {
    }

    static void beat(Path stateDirectory, Instant at, Consumer<String> notices) {
        try {
            StateFiles.write(stateDirectory.resolve(FILE_NAME), at + "\n");
        } catch (IOException | RuntimeException e) {
            notices.accept("warning: cannot record this successful run in " + stateDirectory + " (" + e.getMessage()
                    + "): truce check may report alerts as stopped");
        }
    }

    public static Reading read(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE_NAME);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            }
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(file) ? new Unreadable("a link to nothing") : new None();
        } catch (IOException e) {
            return new Unreadable("unreadable (" + reason(e) + ")");
        }
        if (attributes.isDirectory()) {
            return new Unreadable("a directory");
        }
        if (!attributes.isRegularFile()) {
            return new Unreadable("not a regular file (a device, a pipe or a socket)");
        }
        if (attributes.size() > MAX_BYTES) {
            return new Unreadable(attributes.size() + " bytes long, too long to hold the time of a run");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);   // the file may have grown since its size was read
        } catch (IOException e) {
            return new Unreadable("unreadable (" + reason(e) + ")");
        }
        if (bytes.length > MAX_BYTES) {
            return new Unreadable("too long to hold the time of a run");
        }
        return parse(bytes);
    }

    private static Reading parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            return new Unreadable("not text (binary bytes)");
        }
        if (text.isEmpty()) {
            return new Unreadable("empty");
        }
        try {
            return new At(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return new Unreadable("not the time of a run (expected e.g. 2026-12-07T12:00:00Z)");
        }
    }

    /** The system's words for an I/O error, without the path (the caller names the file). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName();
    }
}
