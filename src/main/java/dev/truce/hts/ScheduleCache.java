package dev.truce.hts;

import dev.truce.domain.tariff.Footnote;
import dev.truce.domain.tariff.Revision;
import dev.truce.domain.tariff.ScheduleLine;
import dev.truce.domain.tariff.TariffSchedule;
import dev.truce.state.StateFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The parsed schedule, kept in the state folder ({@value #FILE}, private like every state file) so that
 * `exposure` need not parse a 13.5 MB export each time: the records the schedule is built from, in a plain binary
 * form of this class's own, after the checksum of the export they were read from. It keeps what exposure reads:
 * every record's number, indent, general rate and the footnotes that name chapter-99 headings, and the
 * description of chapter-99 headings (their entry dates and notes); a line of goods is kept without its
 * description.
 *
 * <p>The index is used only when the export's length and CRC-32C are those it was made from: CRC-32C runs in
 * hardware, where SHA-256 of a 0.7 MB export under the launcher's quick compiler costs about 80 ms, a quarter of
 * the rest of reading the schedule (the parse cache chose CRC-32C for the same reason). The export's SHA-256,
 * computed when the index is built, is kept in it as the revision's identity. It is used only when that
 * checksum is the export's as it is now, its format is this one and its own CRC-32C holds; otherwise the export is
 * parsed and the file written again. Nothing here is required: a state folder that cannot be written only costs
 * the parse.
 */
public final class ScheduleCache {
    public static final String FILE = "hts-index.bin";
    private static final int MAGIC = 0x54524858; // "TRHX"
    private static final int FORMAT = 3;

    private final HtsExportReader reader;

    public ScheduleCache(HtsExportReader reader) {
        this.reader = reader;
    }

    /** A schedule and how it was had: from the index ({@code cached}) or by parsing the export. */
    public record Loaded(TariffSchedule schedule, boolean cached, Path index) {
    }

    /** The schedule in the export at {@code export} (label: as messages name it), through the index in {@code state}. */
    public Loaded load(Path export, String label, Path state) {
        byte[] bytes = bytes(export, label);
        Path index = state.resolve(FILE);
        Optional<Kept> kept = read(index, bytes.length, crc(bytes));
        if (kept.isPresent()) {
            Revision revision = Revision.ofFile(export.getFileName().toString(), kept.get().sha256());
            return new Loaded(TariffSchedule.of(revision, kept.get().lines()), true, index);
        }
        return build(bytes, label, export.getFileName().toString(), state);
    }

    /** What an index holds: the export's SHA-256 and its records. */
    record Kept(String sha256, List<ScheduleLine> lines) {
    }

    static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Parses the export's bytes (read under {@code fileName}) and writes the index; what `hts import` does. */
    public Loaded build(byte[] bytes, String label, String fileName, Path state) {
        List<ScheduleLine> lines = reader.lines(label, bytes);
        Revision revision = Revision.ofFile(fileName, HtsExportReader.sha256(bytes));
        Path index = state.resolve(FILE);
        write(index, revision.sha256(), bytes.length, crc(bytes), lines);
        return new Loaded(TariffSchedule.of(revision, lines), false, index);
    }

    private byte[] bytes(Path export, String label) {
        return reader.bytes(export, label);
    }

    /** The records kept for an export of this length and CRC-32C, if the index holds them whole. */
    static Optional<Kept> read(Path index, long length, long exportCrc) {
        byte[] content;
        try {
            content = StateFiles.readBytes(index).orElse(null);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (content == null || content.length < 8) {
            return Optional.empty();
        }
        int body = content.length - 8;
        CRC32C crc = new CRC32C();
        crc.update(content, 0, body);
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(content))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return Optional.empty();
            }
            String sha = text(in);
            if (in.readLong() != length || in.readLong() != exportCrc) {
                return Optional.empty();
            }
            long check = java.nio.ByteBuffer.wrap(content, body, 8).getLong();
            if (check != crc.getValue()) {
                return Optional.empty(); // damaged: parse the export again
            }
            int count = in.readInt();
            List<ScheduleLine> lines = new ArrayList<>(count);
            Map<String, String> shared = new HashMap<>();
            for (int i = 0; i < count; i++) {
                lines.add(line(in, shared));
            }
            return Optional.of(new Kept(sha, lines));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One record; {@code shared}: texts that repeat (rates, "See 9903.88.03.", column names) are kept once. */
    private static ScheduleLine line(DataInputStream in, Map<String, String> shared) throws IOException {
        String htsno = text(in);
        int indent = in.readInt();
        boolean superior = in.readBoolean();
        String description = text(in);
        String general = shared.computeIfAbsent(text(in), t -> t);
        int notes = in.readInt();
        List<Footnote> footnotes = notes == 0 ? List.of() : new ArrayList<>(notes);
        for (int n = 0; n < notes; n++) {
            int columnCount = in.readInt();
            List<String> columns = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                columns.add(shared.computeIfAbsent(text(in), t -> t));
            }
            footnotes.add(new Footnote(columns, shared.computeIfAbsent(text(in), t -> t),
                    shared.computeIfAbsent(text(in), t -> t)));
        }
        return new ScheduleLine(htsno, indent, description, superior, general, footnotes);
    }

    static void write(Path index, String sha, long length, long exportCrc, List<ScheduleLine> lines) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 << 20);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            text(out, sha);
            out.writeLong(length);
            out.writeLong(exportCrc);
            out.writeInt(lines.size());
            for (ScheduleLine line : lines) {
                text(out, line.htsno());
                out.writeInt(line.indent());
                out.writeBoolean(line.superior());
                // a chapter-99 heading's text says when it applies; a line of goods is looked up by its number
                text(out, line.isChapter99() ? line.description() : "");
                text(out, line.general());
                List<Footnote> kept = line.footnotes().stream().filter(f -> !f.headings().isEmpty()).toList();
                out.writeInt(kept.size());
                for (Footnote footnote : kept) {
                    out.writeInt(footnote.columns().size());
                    for (String column : footnote.columns()) {
                        text(out, column);
                    }
                    text(out, footnote.value());
                    text(out, footnote.type());
                }
            }
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            StateFiles.write(index, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // the index is an optimisation: a read-only or full state folder only costs the next parse
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** A text: its length in bytes, then its UTF-8; read through one buffer (an index holds 150,000 texts). */
    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a text longer than the index");
        }
        byte[] buffer = BUFFER.get();
        if (buffer.length < length) {
            buffer = new byte[length];
            BUFFER.set(buffer);
        }
        in.readFully(buffer, 0, length);
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[4096]);
}
