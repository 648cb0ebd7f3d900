package dev.truce.yaml;

import dev.truce.state.OwnerOnly;
import dev.truce.yaml.codec.BinaryCodec;
import dev.truce.yaml.codec.BinaryIn;
import dev.truce.yaml.codec.BinaryOut;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32C;

/**
 * The checked, parsed form of a file, kept so that the next command need not parse the same bytes again
 * (YAML parsing dominates the cost of a large file). What is kept is the very records the reader made, written
 * by codecs the build generates from the records' components ({@link CacheForms}): no second list of fields, and
 * no Java serialization (rebuilding records through it cost a cached 10k `status` a quarter of a second). An
 * entry is used only when
 * <ul>
 *   <li>it was written by this very build (a cache from other code is never read);</li>
 *   <li>it is for this file (its real path is in the entry) and the file's bytes are the ones it was made
 *       from: their length and CRC-32C match, for the whole file or, for a file that only grows by
 *       appends, for the prefix the entry covers;</li>
 *   <li>its own bytes are whole: a CRC-32C of them is checked before anything is read from them, so a
 *       changed byte (a damaged disk, a stray write) cannot make `status` say breached where the file says
 *       complies. The folder is the owner's alone, so the check is against damage, not against an attacker;
 *       CRC-32C runs in hardware, where SHA-256 under the launcher's quick compiler cost a tenth of a
 *       cached `status`;</li>
 *   <li>its bytes read back as what the codec wrote (the records' own checks run again as they are made).</li>
 * </ul>
 * Any doubt, and the file is parsed as if there were no cache, and the entry is made again. Nothing here
 * is required: a cache that cannot be read or written is ignored. Entries are readable by their owner only,
 * and written whole or not at all (a temporary file, renamed into place).
 */
public final class ParseCache {
    private static final int MAGIC = 0x54524334; // "TRC4": the generated binary codecs
    /** Test-only: set, the first entry written stops for good halfway through its temporary file. */
    public static final String PAUSE_MID_WRITE = "TRUCE_TEST_PAUSE_CACHE_WRITE";
    private static final ParseCache DISABLED = new ParseCache(null, 0, false);

    private final Path directory;
    private final long fromBytes;
    private final boolean pauseMidWrite;

    private ParseCache(Path directory, long fromBytes, boolean pauseMidWrite) {
        this.directory = directory;
        this.fromBytes = fromBytes;
        this.pauseMidWrite = pauseMidWrite;
    }

    /** A cache in {@code directory} for files of any size. */
    public static ParseCache in(Path directory) {
        return new ParseCache(directory, 0, false);
    }

    /** A cache in {@code directory} for files of {@code fromBytes} or more; smaller ones are parsed every time. */
    public static ParseCache in(Path directory, long fromBytes) {
        return new ParseCache(directory, fromBytes, false);
    }

    public static ParseCache disabled() {
        return DISABLED;
    }

    /** The same cache, stopping for good halfway through writing an entry ({@link #PAUSE_MID_WRITE}: crash tests). */
    public ParseCache pausingMidWrite() {
        return new ParseCache(directory, fromBytes, true);
    }

    /** Whether a file of {@code size} bytes goes through this cache. */
    public boolean keeps(long size) {
        return directory != null && size >= fromBytes;
    }

    /** What part of a file an entry was made from: its first {@code length} bytes, with this CRC-32C. */
    public record Extent(long length, long crc) {
        public static Extent of(byte[] content) {
            return new Extent(content.length, crcOf(content));
        }
    }

    /** An entry's value and the extent of the file it was made from. */
    public record Entry<T>(Extent extent, T value) {
    }

    /** The value kept for exactly {@code content}, if there is one. */
    public <T> Optional<T> load(String kind, Path source, byte[] content, BinaryCodec<T> codec) {
        if (!keeps(content.length)) {
            return Optional.empty();
        }
        return read(kind, source, 0, codec).filter(e -> e.extent().equals(Extent.of(content))).map(Entry::value);
    }

    public <T> void store(String kind, Path source, byte[] content, BinaryCodec<T> codec, T value) {
        if (!keeps(content.length)) {
            return;
        }
        write(kind, source, 0, Extent.of(content), codec, value);
    }

    /**
     * The entry for {@code source}, whatever extent it covers; the caller checks that the file still starts
     * with those bytes. {@code key} is what else the value depends on (e.g. the obligation ids it was checked
     * against): an entry made under another key is not used. The entry is mapped into memory, and
     * {@code codec} may keep reading it after this returns (a value decoded part by part, as asked for).
     */
    public <T> Optional<Entry<T>> read(String kind, Path source, long key, BinaryCodec<T> codec) {
        if (directory == null) {
            return Optional.empty();
        }
        Path entry = entryFor(kind, source);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            MappedByteBuffer bytes;
            try (FileChannel channel = FileChannel.open(entry, StandardOpenOption.READ)) {
                bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            }
            if (bytes.getInt() != MAGIC || !text(bytes).equals(BuildFingerprint.value())
                    || !text(bytes).equals(identity(source)) || bytes.getLong() != key) {
                return Optional.empty();
            }
            Extent extent = new Extent(bytes.getLong(), bytes.getLong());
            int length = bytes.getInt();
            long check = bytes.getLong();
            if (length != bytes.remaining()) {
                return Optional.empty();
            }
            ByteBuffer payload = bytes.slice();
            CRC32C crc = new CRC32C();
            crc.update(payload.duplicate());
            if (check != crc.getValue()) {
                return Optional.empty(); // a damaged entry is not read; the caller parses and writes a new one
            }
            return Optional.of(new Entry<>(extent, codec.read(BinaryIn.of(payload))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public <T> void write(String kind, Path source, long key, Extent extent, BinaryCodec<T> codec, T value) {
        if (directory == null) {
            return;
        }
        try {
            BinaryOut out = new BinaryOut();
            codec.write(out, value);
            byte[] payload = out.toByteArray();
            byte[] fingerprint = BuildFingerprint.value().getBytes(StandardCharsets.UTF_8);
            byte[] identity = identity(source).getBytes(StandardCharsets.UTF_8);
            ByteBuffer header = ByteBuffer.allocate(4 + 4 + fingerprint.length + 4 + identity.length + 8 * 3 + 4 + 8);
            header.putInt(MAGIC).putInt(fingerprint.length).put(fingerprint).putInt(identity.length).put(identity)
                    .putLong(key).putLong(extent.length()).putLong(extent.crc()).putInt(payload.length)
                    .putLong(crcOf(payload)).flip();
            OwnerOnly.createDirectories(directory);
            Path entry = entryFor(kind, source);
            String prefix = entry.getFileName().toString();
            Path temporary = Files.createTempFile(directory, prefix, ".tmp"); // 0600
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    writeFully(channel, header);
                    if (pauseMidWrite) {
                        writeFully(channel, ByteBuffer.wrap(payload, 0, payload.length / 2));
                        holdUntilKilled(temporary);
                    }
                    writeFully(channel, ByteBuffer.wrap(payload));
                }
                try {
                    Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            removeLeftovers(prefix);
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation: a read-only or full disk must not fail the command.
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** {@link #PAUSE_MID_WRITE}: says so on stderr, then waits for the kill that the test sends. */
    private static void holdUntilKilled(Path temporary) {
        System.err.println("truce: " + PAUSE_MID_WRITE + ": holding halfway through " + temporary.getFileName()
                + " until killed");
        System.err.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused by " + PAUSE_MID_WRITE, e);
        }
    }

    /**
     * The temporary files of this entry that a killed command left (never read: only a whole entry is renamed into
     * place). One another command is writing at this moment may go too: its rename then fails, and it writes
     * the entry the next time; this one has just been written.
     */
    private void removeLeftovers(String prefix) {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException | RuntimeException e) {
            // only tidiness
        }
    }

    /** A string as {@link #write} puts it in the header: its length in UTF-8 bytes, then those. */
    private static String text(ByteBuffer bytes) {
        int length = bytes.getInt();
        if (length < 0 || length > bytes.remaining()) {
            throw new IllegalStateException("not an entry");
        }
        byte[] utf8 = new byte[length];
        bytes.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private Path entryFor(String kind, Path source) {
        String absolute = source.toAbsolutePath().normalize().toString();
        CRC32C name = new CRC32C();
        name.update(absolute.getBytes(StandardCharsets.UTF_8));
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

    public static long crcOf(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return crc.getValue();
    }

    /** The CRC-32C of the first {@code length} bytes of a file, read in blocks. */
    public static long crcOfPrefix(Path source, long length) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        long left = length;
        try (InputStream in = Files.newInputStream(source)) {
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("file shrank");
                }
                crc.update(buffer, 0, read);
                left -= read;
            }
        }
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
                Path code = Path.of(ParseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(code)) {
                    // a build run from a folder of classes: any recompiled class changes the fingerprint
                    try (var classes = Files.walk(code)) {
                        long newest = classes.filter(p -> p.toString().endsWith(".class"))
                                .mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
                        return code + "|" + newest;
                    }
                }
                return code + "|" + Files.size(code) + "|" + Files.getLastModifiedTime(code).toMillis();
            } catch (Exception e) {
                return "unknown-" + System.nanoTime(); // never matches: no caching
            }
        }
    }
}
