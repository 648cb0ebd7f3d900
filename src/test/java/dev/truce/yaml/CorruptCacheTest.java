package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import dev.truce.domain.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 12: the parse cache checks a SHA-256 of its own bytes. An entry changed on disk (one byte, or the
 * stance COMPLIES rewritten as BREACHES in the serialized records) is ignored: the file is parsed again, the
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

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void complianceRewrittenInTheCacheIsNotBelieved() throws IOException {
        dev.truce.testing.TruceFixture.writeDefault(dir);
        Files.writeString(dir.resolve("evidence.yaml"), EVIDENCE);
        CliRunner truce = new CliRunner(dir).at(dev.truce.testing.TruceFixture.WEEK_BEFORE)
                .env(Map.of("TRUCE_CACHE_DIR", cache().toString(), "TRUCE_CACHE", "always")); // small test files too
        String before = truce.run("status", "--no-color").out();
        assertTrue(before.lines().anyMatch(l -> l.startsWith("us-tariff") && l.contains(" complying ")), before);

        Path entry = evidenceEntry();
        byte[] bytes = Files.readAllBytes(entry);
        int at = indexOf(bytes, "COMPLIES".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "the serialized stance is in the entry");
        System.arraycopy("BREACHES".getBytes(StandardCharsets.US_ASCII), 0, bytes, at, 8);
        Files.write(entry, bytes);

        CliRunner.Result after = truce.run("status", "--no-color");
        assertEquals(before, after.out(), after::toString);
        assertEquals("", after.err());
        assertTrue(indexOf(Files.readAllBytes(evidenceEntry()), "COMPLIES".getBytes(StandardCharsets.US_ASCII)) > 0,
                "the entry was not made again");
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
