package dev.truce.yaml;

import dev.truce.domain.Evidence;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads evidence.yaml entry by entry: each entry is bound and handed on as soon as it is parsed, so
 * memory holds the entries the caller keeps, never the YAML tree of the file. Every problem is
 * reported at once, in line order, as {@code evidence.yaml:LINE:COL: [i].key: what is wrong}.
 * A missing file is a log with no entries yet.
 */
public final class EvidenceFileReader {
    /** Enough to fix a file by; a million broken entries need a fix in bulk, not a million lines. */
    static final int MAX_PROBLEMS_SHOWN = 100;

    /** Below this many new entries after a cached prefix, the cache is not rewritten: parsing them is cheap. */
    private static final int REWRITE_AFTER_ENTRIES = 1000;

    private final long maxBytes;
    private final EvidenceCache cache;

    public EvidenceFileReader() {
        this(YamlTreeReader.configuredMaxBytes());
    }

    public EvidenceFileReader(long maxBytes) {
        this(maxBytes, SnapshotCache.disabled());
    }

    /** With a cache of checked entries in the same directory as {@code cache}'s (see {@link EvidenceCache}). */
    public EvidenceFileReader(long maxBytes, SnapshotCache cache) {
        this.maxBytes = maxBytes;
        this.cache = cache.enabled() ? new EvidenceCache(cache.directory()) : null;
    }

    /**
     * Hands every entry to {@code sink} in file order and returns how many there were; throws a
     * bad-input {@link TruceException} listing every problem once the whole file has been read.
     */
    public int read(Path path, EvidenceBinding binding, Consumer<Evidence> sink) {
        if (!Files.exists(path)) {
            return 0;
        }
        if (cache == null) {
            return parse(path, binding, sink);
        }
        long size = sizeOf(path);
        if (size > maxBytes) {
            return parse(path, binding, sink); // reports the size limit exactly as without a cache
        }
        long ids = binding.idsFingerprint();
        Optional<EvidenceCache.Prefix> prefix = cache.load(path, ids);
        if (prefix.isPresent()) {
            Tail tail = tail(path, prefix.get(), binding);
            if (tail != null) {
                prefix.get().entries().forEach(sink);
                tail.entries().forEach(sink);
                if (tail.entries().size() >= REWRITE_AFTER_ENTRIES) {
                    List<Evidence> all = new ArrayList<>(prefix.get().entries());
                    all.addAll(tail.entries());
                    cache.store(path, ids, all, prefix.get().length() + tail.length());
                }
                return prefix.get().entries().size() + tail.entries().size();
            }
        }
        List<Evidence> all = new ArrayList<>();
        int count = parse(path, binding, e -> {
            all.add(e);
            sink.accept(e);
        });
        // Only if nothing was appended while parsing: the entries must be exactly those of `size` bytes.
        if (sizeOf(path) == size) {
            cache.store(path, ids, all, size);
        }
        return count;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw TruceException.failure(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The entries after a cached prefix and how many bytes they came from. */
    private record Tail(List<Evidence> entries, long length) {
    }

    /** The entries appended after a cached prefix, or null when they must be read with the whole file. */
    private Tail tail(Path path, EvidenceCache.Prefix prefix, EvidenceBinding binding) {
        try {
            byte[] bytes = EvidenceCache.readTail(path, prefix.length());
            if (bytes.length == 0) {
                return new Tail(List.of(), 0); // nothing appended: no parser needed at all
            }
            if (!prefix.standsAlone(bytes)) {
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            List<Problem> problems = new ArrayList<>();
            List<Evidence> entries = new ArrayList<>();
            YamlNode root = new YamlTreeReader(binding.label(), maxBytes, problems).readItems(text, item -> {
                Evidence evidence = binding.bind(item, "[" + (prefix.entries().size() + entries.size()) + "]", problems);
                if (evidence != null) {
                    entries.add(evidence);
                }
            });
            return root == null && problems.isEmpty() ? new Tail(entries, bytes.length) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private int parse(Path path, EvidenceBinding binding, Consumer<Evidence> sink) {
        Collector problems = new Collector();
        int[] count = {0};
        YamlNode root = new YamlTreeReader(binding.label(), maxBytes, problems.syntax).readItems(path, item -> {
            List<Problem> found = new ArrayList<>(2);
            Evidence evidence = binding.bind(item, "[" + count[0]++ + "]", found);
            if (evidence != null) {
                sink.accept(evidence);
            }
            problems.addAll(found);
        });
        if (root != null) {
            problems.add(new Problem(binding.label(), root.position(), "",
                    "expected a list of entries ('- obligation: ...'), found " + root.description()));
        }
        if (problems.count() > 0) {
            throw problems.exception(path, binding.label());
        }
        return count[0];
    }

    /** Every entry, in file order. */
    public List<Evidence> readAll(Path path, EvidenceBinding binding) {
        List<Evidence> all = new ArrayList<>();
        read(path, binding, all::add);
        return all;
    }

    /** Keeps the first problems in full and counts the rest. */
    private static final class Collector {
        final List<Problem> syntax = new ArrayList<>();
        final List<Problem> kept = new ArrayList<>();
        int dropped;

        void add(Problem problem) {
            if (kept.size() < MAX_PROBLEMS_SHOWN * 10) {
                kept.add(problem);
            } else {
                dropped++;
            }
        }

        void addAll(List<Problem> problems) {
            problems.forEach(this::add);
        }

        int count() {
            return syntax.size() + kept.size() + dropped;
        }

        TruceException exception(Path path, String label) {
            List<Problem> all = new ArrayList<>(syntax);
            all.addAll(kept);
            all.sort(Problem.IN_LINE_ORDER);
            List<String> lines = new ArrayList<>();
            all.stream().limit(MAX_PROBLEMS_SHOWN).map(Problem::render).forEach(lines::add);
            int more = count() - Math.min(all.size(), MAX_PROBLEMS_SHOWN);
            if (more > 0) {
                lines.add(label + ": and " + more + " more " + (more == 1 ? "problem" : "problems")
                        + " (fix these, then run truce validate again)");
            }
            if (!syntax.isEmpty() && !endsWithLineBreak(path)) {
                lines.add(label + ": the file does not end with a line break: its last entry may have been cut off"
                        + " while being written; check it, then complete or delete it");
            }
            return new TruceException(TruceException.Cause.BAD_INPUT, lines);
        }
    }

    static boolean endsWithLineBreak(Path path) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = file.length();
            if (length == 0) {
                return true;
            }
            file.seek(length - 1);
            return file.read() == '\n';
        } catch (IOException e) {
            return true; // only decides whether to add a hint
        }
    }
}
