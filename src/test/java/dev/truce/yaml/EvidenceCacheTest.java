package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Evidence;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached read of evidence.yaml must equal a fresh parse, whatever was appended or edited since. */
class EvidenceCacheTest {
    private static final List<String> IDS = List.of("a", "b");

    @TempDir
    Path dir;

    private static String entry(String id, String date, String note) {
        return "- obligation: " + id + "\n  date: " + date + "\n  stance: complies\n  claimant: US\n  basis: act\n"
                + "  source: S\n" + note;
    }

    private List<Evidence> cached(Path file, List<String> ids) {
        return new EntryFileReader(1 << 20, dev.truce.yaml.ParseCache.in(dir.resolve("cache")))
                .readAll(file, new EvidenceBinding("evidence.yaml", ids, "obligations.yaml"));
    }

    private static List<Evidence> fresh(Path file, List<String> ids) {
        return new EntryFileReader(1 << 20).readAll(file, new EvidenceBinding("evidence.yaml", ids, "obligations.yaml"));
    }

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("evidence.yaml"), text, StandardCharsets.UTF_8);
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void appendedEntriesAreReadFromTheTailAndEqualAFullParse() throws IOException {
        Path file = file("# log\n" + entry("a", "2025-05-14", ""));
        assertEquals(1, cached(file, IDS).size());
        append(file, "\n" + entry("b", "2025-06-01", "  note: \"x: y\"\n"));
        List<Evidence> afterAppend = cached(file, IDS);
        assertEquals(fresh(file, IDS), afterAppend);
        assertEquals(2, afterAppend.size());
        assertEquals("x: y", afterAppend.get(1).note());
    }

    @Test
    void aKeptBlockScalarAtTheEndTakesTheBlankLinesThatFollow() throws IOException {
        Path file = file(entry("a", "2025-05-14", "  note: |+\n    kept\n"));
        cached(file, IDS);
        append(file, "\n\n" + entry("b", "2025-06-01", ""));
        List<Evidence> read = cached(file, IDS);
        assertEquals(fresh(file, IDS), read);
        assertEquals("kept\n\n\n", read.get(0).note(), "the blank lines belong to the kept scalar");
    }

    @Test
    void anEditBeforeTheEndIsSeen() throws IOException {
        Path file = file(entry("a", "2025-05-14", "") + entry("b", "2025-06-01", ""));
        cached(file, IDS);
        file(entry("a", "2025-05-15", "") + entry("b", "2025-06-01", ""));
        assertEquals(fresh(file, IDS), cached(file, IDS));
        assertEquals("2025-05-15", cached(file, IDS).get(0).date().iso());
    }

    @Test
    void aBrokenAppendIsReportedWithItsLineAsWithoutACache() throws IOException {
        Path file = file(entry("a", "2025-05-14", ""));
        cached(file, IDS);
        append(file, entry("c", "2025-06-01", ""));
        TruceException e = assertThrows(TruceException.class, () -> cached(file, IDS));
        assertTrue(e.lines().get(0).startsWith("evidence.yaml:7:"), e.lines().toString());
    }

    @Test
    void anEntryAppendedWhileTheFileIsBeingReadIsNeverLost() throws IOException {
        Path file = file(entry("a", "2025-05-14", ""));
        boolean[] appended = {false};
        new EntryFileReader(1 << 20, dev.truce.yaml.ParseCache.in(dir.resolve("cache"))).read(file,
                new EvidenceBinding("evidence.yaml", IDS, "obligations.yaml"), e -> {
                    if (!appended[0]) {
                        appended[0] = true;
                        try {
                            append(file, entry("b", "2025-06-01", ""));
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    }
                });
        assertEquals(fresh(file, IDS), cached(file, IDS));
        assertEquals(2, cached(file, IDS).size());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedEvenWhenCached() throws IOException {
        Path file = file(entry("a", "2025-05-14", ""));
        cached(file, IDS);
        EntryFileReader tiny = new EntryFileReader(16, dev.truce.yaml.ParseCache.in(dir.resolve("cache")));
        TruceException e = assertThrows(TruceException.class,
                () -> tiny.readAll(file, new EvidenceBinding("evidence.yaml", IDS, "obligations.yaml")));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void anObligationRemovedFromTheFileInvalidatesTheCache() throws IOException {
        Path file = file(entry("a", "2025-05-14", "") + entry("b", "2025-06-01", ""));
        cached(file, IDS);
        TruceException e = assertThrows(TruceException.class, () -> cached(file, List.of("a")));
        assertTrue(e.lines().get(0).contains("'b' is not an obligation"), e.lines().toString());
    }

    /** The evidence binding, counting the entries decoded from the cache. */
    private static final class Counting extends DelegatingEvidenceBinding {
        int decoded;

        Counting() {
            super(new EvidenceBinding("evidence.yaml", IDS, "obligations.yaml"), IDS);
        }

        @Override
        protected dev.truce.yaml.codec.BinaryCodec<Evidence> entryCodec() {
            dev.truce.yaml.codec.BinaryCodec<Evidence> codec = real.entryCodec();
            return new dev.truce.yaml.codec.BinaryCodec<>() {
                @Override
                public void write(dev.truce.yaml.codec.BinaryOut out, Evidence value) {
                    codec.write(out, value);
                }

                @Override
                public Evidence read(dev.truce.yaml.codec.BinaryIn in) {
                    decoded++;
                    return codec.read(in);
                }
            };
        }
    }

    private List<Evidence> cached(Path file, Counting binding, java.util.Set<String> only) {
        List<Evidence> read = new java.util.ArrayList<>();
        new EntryFileReader(1 << 24, dev.truce.yaml.ParseCache.in(dir.resolve("cache"))).read(file, binding, only, read::add);
        return read;
    }

    @Test
    void aReadForSomeObligationsDecodesOnlyTheirEntriesInFileOrder() throws IOException {
        StringBuilder text = new StringBuilder("# log\n");
        for (int i = 0; i < 9; i++) {
            text.append(entry(i % 3 == 0 ? "b" : "a", "2025-05-1" + i, "  note: n" + i + "\n"));
        }
        Path file = file(text.toString());
        Counting binding = new Counting();
        List<Evidence> all = fresh(file, IDS);
        assertEquals(all, cached(file, binding, null), "parsed; the entry written");
        assertEquals(0, binding.decoded);
        List<Evidence> ofB = all.stream().filter(e -> e.obligation().equals("b")).toList();
        assertEquals(ofB, cached(file, binding, java.util.Set.of("b")));
        assertEquals(3, binding.decoded, "b's three entries, none of a's");
        assertEquals(List.of(), cached(file, binding, java.util.Set.of()));
        assertEquals(3, binding.decoded);

        // many entries appended: the tail is parsed, and the entry made again whole, though only b was asked for
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            more.append(entry("a", "2025-06-01", ""));
        }
        more.append(entry("b", "2025-06-02", ""));
        append(file, more.toString());
        List<Evidence> after = fresh(file, IDS);
        binding.decoded = 0;
        assertEquals(after.stream().filter(e -> e.obligation().equals("b")).toList(), cached(file, binding, java.util.Set.of("b")));
        binding.decoded = 0;
        assertEquals(after, cached(file, binding, null), "all of it from the new entry");
        assertEquals(after.size(), binding.decoded, "decoded, not parsed");
    }
}
