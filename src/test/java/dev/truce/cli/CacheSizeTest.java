package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.config.ReadSettings;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache keeps only files it pays for: a small file is parsed every time (reading a cache entry back
 * costs it more than parsing), a large one is kept, and TRUCE_CACHE=always keeps every file.
 */
class CacheSizeTest {
    @TempDir
    Path dir;

    private List<String> entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString().replaceAll("-.*", "")).sorted().toList();
        }
    }

    @Test
    void smallFilesAreParsedEveryTimeAndKeepNothing() throws IOException {
        TruceFixture.writeDefault(dir);
        Path cache = dir.resolve("cache");
        CliRunner.Result r = new CliRunner(dir).at(TruceFixture.WEEK_BEFORE)
                .env(Map.of("TRUCE_CACHE_DIR", cache.toString())).run("status", "--no-color");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.size(dir.resolve("obligations.yaml")) < ReadSettings.CACHE_FROM_BYTES);
        assertEquals(List.of(), entries(cache));
    }

    @Test
    void alwaysKeepsSmallFilesToo() throws IOException {
        TruceFixture.writeDefault(dir);
        Files.writeString(dir.resolve("evidence.yaml"), TruceFixture.ONE_EVIDENCE);
        Path cache = dir.resolve("cache");
        CliRunner truce = new CliRunner(dir).at(TruceFixture.WEEK_BEFORE)
                .env(Map.of("TRUCE_CACHE_DIR", cache.toString(), "TRUCE_CACHE", "always"));
        String first = truce.run("status", "--no-color").out();
        assertEquals(List.of("evidence", "obligations"), entries(cache));
        assertEquals(first, truce.run("status", "--no-color").out(), "read back from the cache: the same status");
    }

    @Test
    void aLargeFileIsKept() throws IOException {
        TruceFixture.writeDefault(dir);
        // the same file, made larger than the threshold by a long comment at the end
        Path file = dir.resolve("obligations.yaml");
        String padding = ("# " + "x".repeat(98) + "\n").repeat((int) (ReadSettings.CACHE_FROM_BYTES / 100) + 1);
        Files.writeString(file, Files.readString(file) + padding);
        Path cache = dir.resolve("cache");
        CliRunner.Result r = new CliRunner(dir).at(TruceFixture.WEEK_BEFORE)
                .env(Map.of("TRUCE_CACHE_DIR", cache.toString())).run("status", "--no-color");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(entries(cache).contains("obligations"), entries(cache).toString());
    }
}
