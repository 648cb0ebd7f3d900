package dev.truce.yaml;

import dev.truce.domain.Basis;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The checked entries of evidence.yaml, kept so that a log of a million entries is not parsed
 * again on every command. evidence.yaml only grows by appends, so an entry covers a prefix of the
 * file: it is used when the file still starts with exactly those bytes (size and CRC-32C), the
 * obligation ids are the same, and the build is the same; only the bytes after the prefix are
 * parsed. That is safe only where parsing the tail on its own means what it means in the file:
 * the prefix ends with a line break, every line at column 0 of the prefix starts a list item or a
 * comment, and the tail starts with one too. Otherwise, or on any problem, the file is parsed whole.
 */
final class EvidenceCache {
    private static final int MAGIC = 0x54524556; // "TREV"

    private final Path directory;

    EvidenceCache(Path directory) {
        this.directory = directory;
    }

    /** What a cache entry holds: the entries of the first {@code length} bytes. */
    record Prefix(long length, boolean keepsTrailingLines, List<Evidence> entries) {
        /** Whether the bytes after the prefix can be parsed on their own: they start a list item or a comment. */
        boolean standsAlone(byte[] tail) {
            int i = 0;
            // Blank lines may open the tail unless a block scalar of the prefix keeps trailing lines (|+, >+).
            while (!keepsTrailingLines && i < tail.length && tail[i] == '\n') {
                i++;
            }
            return i == tail.length || tail[i] == '#'
                    || tail[i] == '-' && (i + 1 == tail.length || tail[i + 1] == ' ' || tail[i + 1] == '\n');
        }
    }

    Optional<Prefix> load(Path source, long idsFingerprint) {
        Path entry = entryFor(source);
        if (!Files.exists(entry)) {
            return Optional.empty();
        }
        try {
            Binary.Reader in = new Binary.Reader(Files.readAllBytes(entry));
            if (in.readInt() != MAGIC || !in.readText().equals(SnapshotCache.BuildFingerprint.value())
                    || !in.readText().equals(SnapshotCache.identity(source)) || in.readLong() != idsFingerprint) {
                return Optional.empty();
            }
            long length = in.readLong();
            long crc = in.readLong();
            boolean keeps = in.readBoolean();
            if (Files.size(source) < length || crcOfPrefix(source, length) != crc) {
                return Optional.empty();
            }
            return Optional.of(new Prefix(length, keeps, decode(in)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code entries} as the content of the whole file as it is now, if its layout allows appends to be read alone. */
    void store(Path source, long idsFingerprint, List<Evidence> entries, long length) {
        try {
            Layout layout = Layout.of(source, length);
            if (!layout.appendable) {
                return;
            }
            Files.createDirectories(directory);
            Path entry = entryFor(source);
            Path temporary = Files.createTempFile(directory, entry.getFileName().toString(), ".tmp");
            try (BufferedOutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                Binary.Writer out = new Binary.Writer(stream);
                out.writeInt(MAGIC);
                out.writeText(SnapshotCache.BuildFingerprint.value());
                out.writeText(SnapshotCache.identity(source));
                out.writeLong(idsFingerprint);
                out.writeLong(layout.length);
                out.writeLong(layout.crc);
                out.writeBoolean(layout.keepsTrailingLines);
                encode(entries, out);
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // An optimisation only: a read-only or full disk must not fail the command.
        }
    }

    static byte[] readTail(Path source, long from) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(source)) {
            long size = channel.size();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (size - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the tail is complete
            }
            return buffer.array();
        }
    }

    private Path entryFor(Path source) {
        String absolute = source.toAbsolutePath().normalize().toString();
        CRC32C name = new CRC32C();
        name.update(absolute.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return directory.resolve("evidence-" + Long.toHexString(name.getValue()) + "-" + absolute.length() + ".bin");
    }

    private static long crcOfPrefix(Path source, long length) throws IOException {
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

    /** One pass over the file: its CRC, and whether every column-0 line starts a list item or a comment. */
    private record Layout(long length, long crc, boolean appendable, boolean keepsTrailingLines) {
        /** Of the first {@code limit} bytes: the length the entries were read from, whatever was appended since. */
        static Layout of(Path source, long limit) throws IOException {
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[1 << 20];
            long length = 0;
            boolean atLineStart = true;
            boolean appendable = true;
            int last = '\n';
            int pending = -1; // a '-' at column 0 waiting for its next byte
            boolean keeps = false;
            int previous = 0;
            int beforePrevious = 0;
            try (InputStream in = Files.newInputStream(source)) {
                int read;
                while (length < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - length))) > 0) {
                    crc.update(buffer, 0, read);
                    length += read;
                    for (int i = 0; i < read && appendable; i++) {
                        byte b = buffer[i];
                        // "|+", ">+", "|2+": a block scalar that keeps its trailing blank lines
                        if (b == '+' && (previous == '|' || previous == '>'
                                || Character.isDigit(previous) && (beforePrevious == '|' || beforePrevious == '>'))) {
                            keeps = true;
                        }
                        beforePrevious = previous;
                        previous = b;
                        if (pending == '-') {
                            appendable = b == ' ' || b == '\n';
                            pending = -1;
                        } else if (atLineStart && b != '\n' && b != ' ') {
                            if (b == '-') {
                                pending = '-';
                            } else {
                                appendable = b == '#';
                            }
                        }
                        atLineStart = b == '\n';
                    }
                    last = buffer[read - 1];
                }
            }
            return new Layout(length, crc.getValue(), appendable && last == '\n' && length == limit, keeps);
        }
    }

    // ---- entries, with a table of distinct strings ---------------------------------------------

    private static void encode(List<Evidence> entries, Binary.Writer out) throws IOException {
        Map<String, Integer> table = new HashMap<>();
        List<String> strings = new ArrayList<>();
        int[][] refs = new int[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            Evidence e = entries.get(i);
            refs[i] = new int[] {ref(e.obligation(), table, strings), ref(e.claimant(), table, strings),
                ref(e.source(), table, strings), ref(e.url(), table, strings), ref(e.note(), table, strings),
                ref(e.recordedBy(), table, strings)};
        }
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeText(s);
        }
        out.writeInt(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Evidence e = entries.get(i);
            for (int ref : refs[i]) {
                out.writeInt(ref);
            }
            out.writeMoment(e.date());
            out.writeByte(e.stance().ordinal());
            out.writeByte(e.basis().ordinal());
            out.writeBoolean(e.recorded() != null);
            if (e.recorded() != null) {
                out.writeLong(e.recorded().getEpochSecond());
                out.writeInt(e.recorded().getNano());
            }
        }
    }

    private static List<Evidence> decode(Binary.Reader in) throws IOException {
        String[] strings = new String[in.readInt()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readText();
        }
        int count = in.readInt();
        List<Evidence> entries = new ArrayList<>(count);
        Map<Long, Moment> dates = new HashMap<>();
        Stance[] stances = Stance.values();
        Basis[] bases = Basis.values();
        for (int i = 0; i < count; i++) {
            String obligation = string(strings, in.readInt());
            String claimant = string(strings, in.readInt());
            String source = string(strings, in.readInt());
            String url = string(strings, in.readInt());
            String note = string(strings, in.readInt());
            String recordedBy = string(strings, in.readInt());
            Moment date = in.readMoment(dates);
            Stance stance = stances[in.readByte()];
            Basis basis = bases[in.readByte()];
            Instant recorded = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            entries.add(new Evidence(obligation, date, stance, claimant, basis, source, url, note, recorded, recordedBy));
        }
        return entries;
    }

    private static int ref(String value, Map<String, Integer> table, List<String> strings) {
        if (value == null) {
            return -1;
        }
        return table.computeIfAbsent(value, v -> {
            strings.add(v);
            return strings.size() - 1;
        });
    }

    private static String string(String[] strings, int ref) {
        return ref < 0 ? null : strings[ref];
    }

}
