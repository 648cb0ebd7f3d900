package dev.truce.state;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Optional;
import java.util.UUID;

/**
 * Small files truce keeps for itself in the state folder (never a file a person edits): the folder is made
 * private (0700) when truce creates it, a file is written whole to a private (0600) temporary file and moved
 * over the old one, so a crash leaves the old file or the new one, never half of either.
 */
public final class StateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private StateFiles() {
    }

    /** The text of a state file (UTF-8); empty when it was never written. */
    public static Optional<String> read(Path file) throws IOException {
        return readBytes(file).map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The bytes of a state file; empty when it was never written. */
    public static Optional<byte[]> readBytes(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A user name fit for a file name: letters, digits, '.', '_' and '-' only. */
    public static String userPart(String user) {
        String safe = user == null ? "" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "default" : safe;
    }

    /** Replaces {@code file} with {@code content}: written to a private temporary file beside it, forced, then moved. */
    public static void write(Path file, byte[] content) throws IOException {
        OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        replace(file, content, attributes());
    }

    /**
     * Replaces {@code file}, in a folder that exists, with {@code content} the same way (a temporary file beside
     * it, forced, then moved over it), the new file taking the default permissions: for a file that is not private
     * state, such as the HTS export copied beside obligations.yaml.
     */
    public static void replace(Path file, byte[] content) throws IOException {
        replace(file, content, new FileAttribute<?>[0]);
    }

    private static void replace(Path file, byte[] content, FileAttribute<?>[] attributes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"),
                attributes);
        try {
            Files.write(temp, content);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] attributes() {
        return POSIX ? new FileAttribute<?>[] {OwnerOnly.fileAttribute()} : new FileAttribute<?>[0];
    }
}
