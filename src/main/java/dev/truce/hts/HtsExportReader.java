package dev.truce.hts;

import dev.truce.config.Progress;
import dev.truce.domain.TruceException;
import dev.truce.domain.tariff.Revision;
import dev.truce.domain.tariff.ScheduleLine;
import dev.truce.domain.tariff.TariffSchedule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a USITC HTS export (the JSON of hts.usitc.gov's Export, or a revision's JSON from the archive), plain
 * or gzipped, into a {@link TariffSchedule}. Jackson's streaming parser, not data binding: a full revision is
 * 35,000 records and 13.5 MB, and only six fields of each are kept.
 *
 * <p>What a wrong or hostile file could cost is bounded: the file's size and, for a gzip, the size it
 * unpacks to ({@code maxBytes} both), one text value ({@value #MAX_STRING_CHARS} characters: the longest
 * description of 2026 Revision 10 has 1,685) and the nesting ({@value #MAX_DEPTH} levels; the export uses 5).
 * Every problem is one line naming the file, and the line and column in the JSON (inside the gzip, for a .gz).
 */
public final class HtsExportReader {
    /** Nearly five times a full revision (13.5 MB), which leaves room for growth and none for a mistake. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_STRING_CHARS = 64 * 1024;
    static final int MAX_DEPTH = 8;

    private final long maxBytes;
    private final Progress progress;
    /** Made when an export is first parsed: reading a schedule from its index never loads the JSON parser. */
    private JsonFactory json;

    public HtsExportReader() {
        this(DEFAULT_MAX_BYTES, Progress.NONE);
    }

    /** A reader that says how far a long read has got to {@code progress}. */
    public HtsExportReader(Progress progress) {
        this(DEFAULT_MAX_BYTES, progress);
    }

    /** A reader that refuses files, or unpacked gzips, larger than {@code maxBytes}. */
    public HtsExportReader(long maxBytes) {
        this(maxBytes, Progress.NONE);
    }

    private HtsExportReader(long maxBytes, Progress progress) {
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    private synchronized JsonFactory json() {
        if (json == null) {
            json = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_CHARS).maxNestingDepth(MAX_DEPTH).maxDocumentLength(maxBytes).build())
                    .build();
        }
        return json;
    }

    /** The schedule in the export at {@code path}; its revision named after the file's name. */
    public TariffSchedule read(Path path) {
        String label = path.toString();
        return read(label, bytes(path, label));
    }

    /** The bytes of the export at {@code path}, refused (named {@code label}) when it is not a file or too large. */
    public byte[] bytes(Path path, String label) {
        checkSize(label, sizeOf(path, label));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw TruceException.failure(label + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The schedule in an export held in memory, plain JSON or gzipped (told apart by the gzip magic bytes, not
     * the name). {@code label} names the file in messages, and its last part names the revision.
     */
    public TariffSchedule read(String label, byte[] bytes) {
        Revision revision = Revision.ofFile(fileName(label), sha256(bytes));
        return TariffSchedule.of(revision, lines(label, bytes));
    }

    /** The export's records, in its order, as {@link #read(String, byte[])} builds the schedule from them. */
    public List<ScheduleLine> lines(String label, byte[] bytes) {
        checkSize(label, bytes.length);
        try (Progress.Step step = progress.start("reading " + fileName(label), bytes.length);
             InputStream in = unpacked(bytes, step)) {
            return records(label, in, isGzip(bytes));
        } catch (IOException e) {
            throw TruceException.badInput(label + ": cannot read: " + e.getMessage() + " (a damaged gzip?)");
        }
    }

    private List<ScheduleLine> records(String label, InputStream in, boolean gzip) {
        JsonParser parser = json().createParser(ObjectReadContext.empty(), in);
        try (parser) {
            return new ExportRecordReader(parser, label).records();
        } catch (JacksonIOException e) {
            throw TruceException.badInput(label + ": cannot read: " + e.getCause().getMessage()
                    + (gzip ? " (a damaged or cut-off gzip?)" : ""));
        } catch (StreamConstraintsException e) {
            // Jackson knows the limit, not where it was hit; the parser does
            throw TruceException.badInput(at(label, parser.currentTokenLocation()) + "too large for an HTS export: "
                    + firstLine(e.getOriginalMessage()).replaceAll(", from `[^`]*`", ""));
        } catch (JacksonException e) {
            throw TruceException.badInput(at(label, e.getLocation()) + "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** "file:line:col: " at a parser location, or "file: " where the location is not known. */
    static String at(String label, TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return label + ": ";
        }
        return label + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static InputStream unpacked(byte[] bytes, Progress.Step step) throws IOException {
        InputStream raw = step.watch(new ByteArrayInputStream(bytes));
        return isGzip(bytes) ? new GZIPInputStream(raw, 64 * 1024) : raw;
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private void checkSize(String label, long size) {
        if (size > maxBytes) {
            throw TruceException.badInput(label + ": the file is " + megabytes(size) + " MB, more than the "
                    + megabytes(maxBytes) + " MB limit for an HTS export");
        }
    }

    /** The size of a regular file; a directory, a FIFO or a device is refused rather than read. */
    private static long sizeOf(Path path, String label) {
        try {
            if (Files.isDirectory(path)) {
                throw TruceException.badInput(label + ": is a directory, not a file");
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw TruceException.badInput(label + ": is not a regular file (a FIFO, a device or a socket is never read)");
            }
            return Files.size(path);
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(label + ": no such file");
        } catch (IOException e) {
            throw TruceException.failure(label + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Lower-case hex SHA-256 of an export's bytes as stored, as {@link Revision#sha256()} gives it: what a cache
     * of parsed schedules can key on before deciding to parse.
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The last part of a path as written (no Path: a label need not be a valid path on this system). */
    private static String fileName(String label) {
        return label.substring(Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\')) + 1);
    }

    private static String megabytes(long bytes) {
        return String.valueOf((bytes + 1024 * 1024 - 1) / (1024 * 1024));
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
