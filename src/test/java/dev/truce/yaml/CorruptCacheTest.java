package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import dev.truce.domain.Evidence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 12: the parse cache checks a CRC-32C of its own bytes. An entry changed on disk (one byte, or the
 * stance COMPLIES rewritten as BREACHES in the written records) is ignored: the file is parsed again, the
 * entry made again, and nothing says breached where the file says complies.
 */
class CorruptCacheTest {
    @TempDir
    Path dir;

    private static final String EVIDENCE = dev.truce.testing.TruceFixture.ONE_EVIDENCE;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Path evidenceEntry() throws IOException {
        try (Stream<Path> files = Files.list(cache())) {
            List<Path> entries = files.filter(p -> p.getFileName().toString().startsWith("evidence-")
                    && p.getFileName().toString().endsWith(".bin")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    /** Where an entry's payload (the records) starts: after the header ParseCache.write puts before it. */
    private static int payloadStart(byte[] entry) {
        ByteBuffer header = ByteBuffer.wrap(entry);
        header.getInt();                                    // magic
        for (int text = 0; text < 2; text++) {                // the build, the file
            int length = header.getInt();
            header.position(header.position() + length);
        }
        header.position(header.position() + 3 * 8 + 4 + 8);  // key, extent, payload length and CRC
        return header.position();
    }

    @Test
    void complianceRewrittenInTheCacheIsNotBelieved() throws IOException {
        dev.truce.testing.TruceFixture.writeDefault(dir);
        Path evidence = dir.resolve("evidence.yaml");
        CliRunner truce = new CliRunner(dir).at(dev.truce.testing.TruceFixture.WEEK_BEFORE)
                .env(Map.of("TRUCE_CACHE_DIR", cache().toString(), "TRUCE_CACHE", "always")); // small test files too
        // the records as the cache writes them for the same entry saying breaches: the bytes an attacker would write
        Files.writeString(evidence, EVIDENCE.replace("complies", "breaches"));
        truce.run("status", "--no-color");
        byte[] breaches = Files.readAllBytes(evidenceEntry());

        Files.writeString(evidence, EVIDENCE);
        String before = truce.run("status", "--no-color").out();
        assertTrue(before.lines().anyMatch(l -> l.startsWith("us-tariff") && l.contains(" complying ")), before);
        Path entry = evidenceEntry();
        byte[] complies = Files.readAllBytes(entry);
        int start = payloadStart(complies);
        assertEquals(complies.length, breaches.length);
        assertEquals(start, payloadStart(breaches));
        assertFalse(Arrays.equals(complies, start, complies.length, breaches, start, breaches.length),
                "the stance is in the records");
        byte[] forged = complies.clone();
        System.arraycopy(breaches, start, forged, start, forged.length - start); // the header still says complies' CRC
        Files.write(entry, forged);

        CliRunner.Result after = truce.run("status", "--no-color");
        assertEquals(before, after.out(), after::toString);
        assertEquals("", after.err());
        assertArrayEquals(complies, Files.readAllBytes(evidenceEntry()), "the entry was made again");
    }

    @Test
    void everySingleChangedByteIsCaughtAndTheEntryRebuilt() throws IOException {
        Path file = Files.writeString(dir.resolve("evidence.yaml"), EVIDENCE + EVIDENCE.replace("2026-06-01", "2026-06-02")
                .replace("complies", "breaches"));
        List<Evidence> fresh = new EntryFileReader(1 << 20).readAll(file, binding());
        EntryFileReader cached = new EntryFileReader(1 << 20, ParseCache.in(cache()));
        assertEquals(fresh, cached.readAll(file, binding()));
        Path entry = evidenceEntry();
        byte[] good = Files.readAllBytes(entry);
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            Files.write(entry, bad);
            if (!fresh.equals(cached.readAll(file, binding()))) {
                wrong.add(i);
            }
            assertArrayEquals(good, Files.readAllBytes(entry), "byte " + i + ": the entry was not made again");
        }
        assertEquals(List.of(), wrong, "bytes whose change went unnoticed, of " + good.length);
    }

    private static EvidenceBinding binding() {
        return new EvidenceBinding("evidence.yaml", List.of("us-tariff"), "obligations.yaml");
    }
}
