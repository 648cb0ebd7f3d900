package dev.truce.history;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Files in the state folder (.truce beside obligations.yaml) that remember what a user last saw: the folder
 * is made private (0700) when truce creates it, each file is private (0600) and replaced whole, so a crash
 * mid-write never leaves half a file and nobody else on the machine reads a copy of the desk's files.
 */
public final class StateFiles {
    private StateFiles() {
    }

    /** The bytes of a state file; empty when it was never written. */
    public static Optional<byte[]> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Replaces {@code file} with {@code content}: written to a private temporary file beside it, then moved. */
    public static void write(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        createPrivateDirectory(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp"); // 0600
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The folder, made 0700 if truce creates it (an existing one is left as its owner set it). */
    public static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another command
        }
    }

    /** A user name fit for a file name: letters, digits, '.', '_' and '-' only. */
    public static String userPart(String user) {
        String safe = user == null ? "" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "default" : safe;
    }
}
