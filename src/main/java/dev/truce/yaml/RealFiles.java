package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;

/** What {@link EditedFile} checks and keeps of a file a person keeps: that it is one regular file, its owner and mode. */
final class RealFiles {
    private RealFiles() {
    }

    /** The regular file {@code path} leads to, links followed; a directory, a FIFO, a device or a missing file is refused. */
    static Path of(Path path, String label) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(label + (Files.isSymbolicLink(path) ? ": is a link to a file that does not exist"
                    : ": no such file"));
        } catch (IOException e) {
            throw TruceException.failure(label + ": cannot read: " + e.getMessage(), e);
        }
        if (Files.isDirectory(real)) {
            throw TruceException.badInput(label + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(real)) {
            throw TruceException.badInput(label + ": is not a regular file (truce never writes a FIFO, a device or a socket)");
        }
        singleLink(real, label);
        return real;
    }

    /** A second hard link would keep the old content under its name once the new file is renamed over this one. */
    static void singleLink(Path real, String label) {
        int links;
        try {
            links = (Integer) Files.getAttribute(real, "unix:nlink");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return; // no hard links to count on this file system
        } catch (IOException e) {
            throw TruceException.failure(label + ": cannot read: " + e.getMessage(), e);
        }
        if (links > 1) {
            throw TruceException.badInput(label + ": has " + links + " hard links; writing a new file in its place would "
                    + "leave the old text under the other names, so truce does not write it (copy it to a file of its own)");
        }
    }

    static byte[] read(Path real, String label) {
        try {
            return Files.readAllBytes(real);
        } catch (IOException e) {
            throw TruceException.failure(label + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The owner and group of {@code original} for {@code temp} (or a refusal), then its permissions: chown may clear bits. */
    static void giveOwnership(Path temp, PosixFileAttributes original, String label) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(original.owner())) {
                view.setOwner(original.owner());
            }
            if (!now.group().equals(original.group())) {
                view.setGroup(original.group());
            }
        } catch (IOException e) {
            throw refused(label + ": cannot keep its owner " + original.owner().getName() + " and group "
                    + original.group().getName() + " (" + reason(e) + "): nothing was written; run the command as its "
                    + "owner");
        }
        view.setPermissions(original.permissions());
    }

    /** A failure of the moment, not of the input: exit 1, and running the command again may work. */
    static TruceException refused(String message) {
        return new TruceException(TruceException.Cause.FAILURE, List.of(message));
    }

    /** Why a file operation failed, without the path: it may name a hidden temporary file, which means nothing to a person. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
    }
}
