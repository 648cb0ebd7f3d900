package dev.truce.config;

import dev.truce.domain.TruceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How files are read, from the environment: the largest file ($TRUCE_MAX_FILE_MB), the parse cache's folder
 * ($TRUCE_CACHE_DIR, else $XDG_CACHE_HOME/truce, else ~/.cache/truce; $TRUCE_CACHE=off for none) and the
 * smallest file it keeps ({@link #CACHE_FROM_BYTES}; $TRUCE_CACHE=always for every file), and the folders
 * besides that of obligations.yaml that evidence may come from ($TRUCE_EVIDENCE_DIRS).
 */
public record ReadSettings(long maxBytes, Optional<Path> cacheDirectory, long cacheFromBytes,
                           List<Path> evidenceDirectories) {
    /**
     * Below this size a file is parsed every time. Since the cache's codecs are generated (no Java serialization),
     * reading an entry back costs less than parsing from about 1.5 KB up, 10 ms of CPU and more a read; under a
     * kilobyte the two are even, and keeping the file would only add an entry to write after each edit
     * (docs/PERFORMANCE.md has the figures).
     */
    public static final long CACHE_FROM_BYTES = 2 * 1024;
    public static final String MAX_SIZE_VARIABLE = "TRUCE_MAX_FILE_MB";
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    public static ReadSettings from(Map<String, String> environment) {
        return new ReadSettings(maxBytes(value(environment, MAX_SIZE_VARIABLE)), cache(environment),
                "always".equalsIgnoreCase(value(environment, "TRUCE_CACHE")) ? 0 : CACHE_FROM_BYTES,
                LogLocation.allowed(value(environment, LogLocation.ALLOWED_DIRS_VARIABLE)));
    }

    private static String value(Map<String, String> environment, String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    static long maxBytes(String mb) {
        if (mb == null) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long value = Long.parseLong(mb.trim());
            if (value > 0) {
                return value * 1024 * 1024;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw TruceException.badInput("$" + MAX_SIZE_VARIABLE + ": '" + mb + "' is not a whole number of megabytes");
    }

    private static Optional<Path> cache(Map<String, String> environment) {
        if ("off".equalsIgnoreCase(value(environment, "TRUCE_CACHE"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(value(environment, "TRUCE_CACHE_DIR")).map(Path::of)
                .or(() -> Optional.ofNullable(value(environment, "XDG_CACHE_HOME")).map(home -> Path.of(home, "truce")))
                .or(() -> Optional.ofNullable(value(environment, "HOME")).map(home -> Path.of(home, ".cache", "truce")));
    }
}
