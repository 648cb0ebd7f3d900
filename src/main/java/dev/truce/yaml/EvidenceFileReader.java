package dev.truce.yaml;

import dev.truce.domain.Evidence;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private final long maxBytes;

    public EvidenceFileReader() {
        this(YamlTreeReader.configuredMaxBytes());
    }

    public EvidenceFileReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Hands every entry to {@code sink} in file order and returns how many there were; throws a
     * bad-input {@link TruceException} listing every problem once the whole file has been read.
     */
    public int read(Path path, EvidenceBinding binding, Consumer<Evidence> sink) {
        if (!Files.exists(path)) {
            return 0;
        }
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
