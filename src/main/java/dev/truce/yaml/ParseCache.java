package dev.truce.yaml;

import dev.truce.state.OwnerOnly;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The checked, parsed form of a file, kept so that the next command need not parse the same bytes again
 * (YAML parsing dominates the cost of a large file). What is kept is the very records the reader made,
 * in Java's own serialization of records (which goes back through their canonical constructors): no
 * second list of fields. An entry is used only when
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
 *   <li>it holds nothing but truce's own records and the JDK's value types (a filter refuses the rest).</li>
 * </ul>
 * Any doubt, and the file is parsed as if there were no cache, and the entry is made again. Nothing here
 * is required: a cache that cannot be read or written is ignored. Entries are readable by their owner only.
 */
public final class ParseCache {
    private static final int MAGIC = 0x54524333; // "TRC3"
    private static final ParseCache DISABLED = new ParseCache(null, 0);
    /**
     * Only these classes may come out of an entry: truce's own (dev.truce and below) and the value types they
     * hold (classes directly in java.lang, java.util, java.time and java.math), at most 40 levels deep. The
     * answer for a class is worked out once (the filter is asked about every object read).
     */
    private static final ClassValue<Boolean> ALLOWED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            Class<?> c = type;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String pkg = c.getPackageName();
            return c.isPrimitive() || pkg.equals("dev.truce") || pkg.startsWith("dev.truce.") || pkg.equals("java.lang")
                    || pkg.equals("java.util") || pkg.equals("java.time") || pkg.equals("java.math");
        }
    };
    private static final ObjectInputFilter ONLY_TRUCE = info -> {
        if (info.depth() > 40) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        return ALLOWED.get(type) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private final Path directory;
    private final long fromBytes;

    private ParseCache(Path directory, long fromBytes) {
        this.directory = directory;
        this.fromBytes = fromBytes;
    }

    /** A cache in {@code directory} for files of any size. */
    public static ParseCache in(Path directory) {
        return new ParseCache(directory, 0);
    }

    /** A cache in {@code directory} for files of {@code fromBytes} or more; smaller ones are parsed every time. */
    public static ParseCache in(Path directory, long fromBytes) {
        return new ParseCache(directory, fromBytes);
    }

    public static ParseCache disabled() {
        return DISABLED;
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
    public <T> Optional<T> load(String kind, Path source, byte[] content, Class<T> type) {
        if (!keeps(content.length)) {
            return Optional.empty();
        }
        return read(kind, source, 0, type).filter(e -> e.extent().equals(Extent.of(content))).map(Entry::value);
    }

    public void store(String kind, Path source, byte[] content, Serializable value) {
        if (!keeps(content.length)) {
            return;
        }
        write(kind, source, 0, Extent.of(content), value);
    }

    /**
     * The entry for {@code source}, whatever extent it covers; the caller checks that the file still starts
     * with those bytes. {@code key} is what else the value depends on (e.g. the obligation ids it was checked
     * against): an entry made under another key is not used.
     */
    public <T> Optional<Entry<T>> read(String kind, Path source, long key, Class<T> type) {
        if (directory == null) {
            return Optional.empty();
        }
        Path entry = entryFor(kind, source);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(entry), 1 << 16))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(BuildFingerprint.value())
                    || !in.readUTF().equals(identity(source)) || in.readLong() != key) {
                return Optional.empty();
            }
            Extent extent = new Extent(in.readLong(), in.readLong());
            int length = in.readInt();
            long check = in.readLong();
            byte[] payload = in.readNBytes(length);
            if (payload.length != length || check != crcOf(payload)) {
                return Optional.empty(); // a damaged entry is not read; the caller parses and writes a new one
            }
            try (ObjectInputStream objects = new ObjectInputStream(new Bytes(payload))) {
                objects.setObjectInputFilter(ONLY_TRUCE);
                Object value = objects.readObject();
                return type.isInstance(value) ? Optional.of(new Entry<>(extent, type.cast(value))) : Optional.empty();
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void write(String kind, Path source, long key, Extent extent, Serializable value) {
        if (directory == null) {
            return;
        }
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
            try (ObjectOutputStream objects = new ObjectOutputStream(payload)) {
                objects.writeObject(value);
            }
            byte[] bytes = payload.toByteArray();
            ByteArrayOutputStream header = new ByteArrayOutputStream(512);
            try (DataOutputStream out = new DataOutputStream(header)) {
                out.writeInt(MAGIC);
                out.writeUTF(BuildFingerprint.value());
                out.writeUTF(identity(source));
                out.writeLong(key);
                out.writeLong(extent.length());
                out.writeLong(extent.crc());
                out.writeInt(bytes.length);
                out.writeLong(crcOf(bytes));
            }
            OwnerOnly.createDirectories(directory);
            Path entry = entryFor(kind, source);
            Path temporary = Files.createTempFile(directory, entry.getFileName().toString(), ".tmp"); // 0600
            try (var out = Files.newOutputStream(temporary)) {
                out.write(header.toByteArray());
                out.write(bytes);
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation: a read-only or full disk must not fail the command.
        }
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

    /**
     * The entry's bytes as a stream, without {@link java.io.ByteArrayInputStream}'s locking: object streams read
     * a byte at a time, and the lock on each read cost several percent of a cached `status`.
     */
    private static final class Bytes extends InputStream {
        private final byte[] bytes;
        private int position;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }
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
