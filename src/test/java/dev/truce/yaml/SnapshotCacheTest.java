package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache must give exactly what parsing gives, and never outlive the bytes it was made from. */
class SnapshotCacheTest {
    @TempDir
    Path dir;

    private ObligationsFileReader cached() {
        return new ObligationsFileReader(1L << 30, SnapshotCache.in(dir.resolve("cache")));
    }

    @Test
    void aCachedReadEqualsAFreshParseOfTheShippedFile() throws IOException {
        Path file = Files.copy(Path.of("obligations.yaml"), dir.resolve("obligations.yaml"));
        TruceFile parsed = new ObligationsFileReader().read(file, "obligations.yaml");
        TruceFile first = cached().read(file, "obligations.yaml");
        try (var entries = Files.list(dir.resolve("cache"))) {
            assertEquals(1, entries.count(), "one cache entry written");
        }
        TruceFile second = cached().read(file, "obligations.yaml");
        assertEquals(parsed, first);
        assertEquals(parsed, second);
    }

    @Test
    void anEditOfTheSameSizeIsSeenAtOnce() throws IOException {
        Path file = Files.copy(Path.of("obligations.yaml"), dir.resolve("obligations.yaml"));
        cached().read(file, "obligations.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("days: 90", "days: 91"), StandardCharsets.UTF_8);
        assertEquals(91, cached().read(file, "obligations.yaml").register().truce().days());
        Files.writeString(file, text.replace("days: 90", "days: 9x"), StandardCharsets.UTF_8);
        TruceException broken = assertThrows(TruceException.class, () -> cached().read(file, "obligations.yaml"));
        assertTrue(broken.lines().get(0).contains("truce.days"), broken.lines().toString());
    }

    @Test
    void aDamagedCacheEntryIsIgnored() throws IOException {
        Path file = Files.copy(Path.of("obligations.yaml"), dir.resolve("obligations.yaml"));
        TruceFile parsed = cached().read(file, "obligations.yaml");
        try (var entries = Files.list(dir.resolve("cache"))) {
            Path entry = entries.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(entry);
            Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        assertEquals(parsed, cached().read(file, "obligations.yaml"));
    }
}
