package dev.truce.cli;

import dev.truce.yaml.EvidenceFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.SnapshotCache;
import dev.truce.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File readers configured from the environment: $TRUCE_MAX_FILE_MB caps file sizes, and the parse
 * cache lives in $TRUCE_CACHE_DIR, else $XDG_CACHE_HOME/truce, else ~/.cache/truce
 * ($TRUCE_CACHE=off turns it off).
 */
final class Readers {
    private Readers() {
    }

    static ObligationsFileReader obligations(Context context) {
        return new ObligationsFileReader(maxBytes(context), cache(context));
    }

    /** evidence.yaml is cached by prefix: an append leaves the cached part valid (see EvidenceCache). */
    static EvidenceFileReader evidence(Context context) {
        return new EvidenceFileReader(maxBytes(context), cache(context));
    }

    static long maxBytes(Context context) {
        return YamlTreeReader.configuredMaxBytes(context.env(YamlTreeReader.MAX_SIZE_VARIABLE).orElse(null));
    }

    static SnapshotCache cache(Context context) {
        if (context.env("TRUCE_CACHE").filter(v -> v.equalsIgnoreCase("off")).isPresent()) {
            return SnapshotCache.disabled();
        }
        Optional<Path> directory = context.env("TRUCE_CACHE_DIR").map(Path::of)
                .or(() -> context.env("XDG_CACHE_HOME").map(home -> Path.of(home, "truce")))
                .or(() -> context.env("HOME").map(home -> Path.of(home, ".cache", "truce")));
        return directory.map(SnapshotCache::in).orElse(SnapshotCache.disabled());
    }
}
