package dev.truce.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The temporary file a new version of a file is written to before it is renamed over the file: hidden, beside
 * it (a rename is atomic only within one file system), named {@code .NAME.<uuid>.tmp}, private until it takes
 * the file's own permissions.
 */
final class TemporaryFiles {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private TemporaryFiles() {
    }

    /** A new temporary file beside {@code target} holding {@code content}, forced to disk. */
    static Path write(Path target, byte[] content) throws IOException {
        Path temp = Files.createFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    /** Deletes what writers of {@code target} killed before their rename left; only its lock holder may call this. */
    static void removeLeftovers(Path target) {
        Pattern ours = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + UUID_PATTERN + "\\.tmp");
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(),
                file -> ours.matcher(file.getFileName().toString()).matches())) {
            for (Path leftover : leftovers) {
                if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
                    deleteQuietly(leftover);
                }
            }
        } catch (IOException e) {
            // a leftover hidden temporary file is harmless; removing it is tidiness
        }
    }

    /** Makes a rename in {@code directory} durable. */
    static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the file's own data is already synced
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover hidden temporary file is harmless; the next lock removes it
        }
    }
}
