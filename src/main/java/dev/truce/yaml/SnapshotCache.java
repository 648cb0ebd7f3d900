package dev.truce.yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The checked, parsed form of a file, kept so that the next command need not parse the same bytes
 * again (YAML parsing dominates the cost of large files). An entry is used only when the file's
 * size and CRC-32C match the bytes it was made from and it was written by this very build, so it
 * can never disagree with the file; any doubt, and the file is parsed as if there were no cache.
 * Nothing here is required: a cache that cannot be read or written is ignored.
 */
public final class SnapshotCache {
    /** Reads a cached value; throws IOException on anything unexpected. */
    interface Decoder<T> {
        T decode(Binary.Reader in) throws IOException;
    }

    interface Encoder<T> {
        void encode(T value, Binary.Writer out) throws IOException;
    }

    private static final int MAGIC = 0x54524345; // "TRCE"
    /**
     * Raise it whenever what is cached changes (a field, a rule applied while reading): a build run
     * from a folder of classes changes its fingerprint only when this class is recompiled.
     */
    static final int CODEC_VERSION = 2;
    private static final SnapshotCache DISABLED = new SnapshotCache(null);

    private final Path directory;

    private SnapshotCache(Path directory) {
        this.directory = directory;
    }

    public static SnapshotCache in(Path directory) {
        return new SnapshotCache(directory);
    }

    public static SnapshotCache disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return directory != null;
    }

    Path directory() {
        return directory;
    }

    public <T> Optional<T> load(String kind, Path source, byte[] content, Decoder<T> decoder) {
        if (directory == null) {
            return Optional.empty();
        }
        Path entry = entryFor(kind, source);
        try {
            if (!Files.exists(entry)) {
                return Optional.empty();
            }
            Binary.Reader in = new Binary.Reader(Files.readAllBytes(entry));
            if (in.readInt() != MAGIC || !in.readText().equals(BuildFingerprint.value())
                    || !in.readText().equals(identity(source))
                    || in.readLong() != content.length || in.readLong() != crc(content)) {
                return Optional.empty();
            }
            return Optional.of(decoder.decode(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public <T> void store(String kind, Path source, byte[] content, T value, Encoder<T> encoder) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 2 + 1024);
            Binary.Writer out = new Binary.Writer(bytes);
            out.writeInt(MAGIC);
            out.writeText(BuildFingerprint.value());
            out.writeText(identity(source));
            out.writeLong(content.length);
            out.writeLong(crc(content));
            encoder.encode(value, out);
            Path entry = entryFor(kind, source);
            Path temporary = Files.createTempFile(directory, entry.getFileName().toString(), ".tmp");
            Files.write(temporary, bytes.toByteArray());
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation: a read-only or full disk must not fail the command.
        }
    }

    private Path entryFor(String kind, Path source) {
        String absolute = source.toAbsolutePath().normalize().toString();
        CRC32C name = new CRC32C();
        name.update(absolute.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return directory.resolve(kind + "-" + Long.toHexString(name.getValue()) + "-" + absolute.length() + ".bin");
    }

    /**
     * Which file an entry is for, written into the entry: two files whose names hash alike must never
     * share one. The real path, so links and {@code ..} name one file one way.
     */
    static String identity(Path source) {
        try {
            return source.toRealPath().toString();
        } catch (IOException e) {
            return source.toAbsolutePath().normalize().toString();
        }
    }

    static long crc(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return crc.getValue();
    }

    /** Identifies the build, so a cache written by another version of the code is never read. */
    static final class BuildFingerprint {
        private static String value;

        private BuildFingerprint() {
        }

        static synchronized String value() {
            if (value == null) {
                value = compute();
            }
            return value;
        }

        private static String compute() {
            try {
                Path code = Path.of(SnapshotCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(code)) {
                    code = code.resolve(SnapshotCache.class.getName().replace('.', '/') + ".class");
                }
                return CODEC_VERSION + "|" + code + "|" + Files.size(code) + "|" + Files.getLastModifiedTime(code).toMillis();
            } catch (Exception e) {
                return "unknown-" + System.nanoTime(); // never matches: no caching
            }
        }
    }
}
