package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends entries to a log file (evidence.yaml, acks.yaml) as text: the bytes already in the file are never
 * rewritten. What an entry is and how it is written comes from its {@link EntryBinding}; the guarantees are
 * the same for every log.
 *
 * <p>The guarantee, and how it holds:
 * <ol>
 *   <li>Nothing is written unless the entry is valid: its text is parsed back through the reader's
 *       binding and must give exactly the entry asked for.</li>
 *   <li>Appenders take turns: an exclusive lock on the sidecar file {@code .evidence.yaml.lock} (a
 *       sidecar because on POSIX closing any handle on a locked file drops the lock, and the checks
 *       below open the file), plus a JVM-wide monitor since one JVM cannot lock a file twice.</li>
 *   <li>Under the lock the end of the file is checked: its last entry must read as a complete, valid
 *       entry, and the new entry must parse after it as one more item of the same list. Only the last
 *       64 KiB are read; the whole file only when that window holds no entry or the check fails, to
 *       say exactly what is wrong. Earlier entries are checked whenever the file is read.</li>
 *   <li>The entry goes to the end in one write of its complete bytes in append mode, then fsync.
 *       A crash before the write leaves the file as it was. A crash during it can leave a prefix of
 *       the entry, which the reader reports rather than accepts (each log writes its entries so that no
 *       prefix reads as a valid entry: see {@link EvidenceText}, {@code AckBinding}); the next
 *       append refuses to write after it until a person deletes it.</li>
 * </ol>
 */
public final class EntryAppender {
    private static final Object JVM_LOCK = new Object();

    /** Hears about the lock; the CLI tells the user it waits, and tests stop a writer while it holds the lock. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void waiting(Path lockFile) {
        }

        default void locked() {
        }
    }

    /** What was appended: the entries' text as written (without the separating blank lines), and whether the file is new. */
    public record Appended(String text, boolean created) {
    }

    private final EntryFileReader reader;

    public EntryAppender(EntryFileReader reader) {
        this.reader = reader;
    }

    public static Path lockFileOf(Path logFile) {
        return logFile.resolveSibling("." + logFile.getFileName() + ".lock");
    }

    /** Appends one entry. */
    public <T> Appended append(Path path, EntryBinding<T> binding, T entry, Listener listener) {
        return appendAll(path, binding, List.of(entry), listener);
    }

    /**
     * Appends {@code entries} in order, in one write: all of them or (after a crash) a prefix of their text,
     * which the reader reports.
     */
    public <T> Appended appendAll(Path path, EntryBinding<T> binding, List<? extends T> given, Listener listener) {
        List<T> entries = List.copyOf(given);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        for (T entry : entries) {
            checkReadsBack(binding, entry, binding.text(entry, "", "\n"));
        }
        synchronized (JVM_LOCK) {
            try (FileChannel lockChannel = FileChannel.open(lockFileOf(path), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lockChannel.tryLock();
                if (lock == null) {
                    listener.waiting(lockFileOf(path));
                    lock = lockChannel.lock();
                }
                try {
                    listener.locked();
                    return appendLocked(path, binding, entries);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw TruceException.failure(binding.label() + ": cannot append: " + e.getMessage(), e);
            }
        }
    }

    private <T> Appended appendLocked(Path path, EntryBinding<T> binding, List<T> entries) throws IOException {
        boolean created = !Files.exists(path);
        if (created || Files.size(path) == 0) {
            String text = texts(binding, entries, "", "\n");
            write(path, binding.header() + "\n" + text, created);
            return new Appended(text, created);
        }
        FileTail tail = FileTail.read(path);
        String newline = tail.lineBreak();
        Optional<FileTail.LastEntry> last = tail.lastEntry();
        String indent = last.map(FileTail.LastEntry::indent).orElse("");
        String text = texts(binding, entries, indent, newline);
        String addition = (tail.endsWithLineBreak() ? "" : newline) + newline + text;
        if (last.isEmpty() || !fitsAfter(last.get().text(), addition, binding, entries)) {
            checkWholeFile(path, binding, entries, addition);
        }
        write(path, addition, false);
        return new Appended(text, false);
    }

    /** The entries' texts, a blank line between two. */
    private static <T> String texts(EntryBinding<T> binding, List<T> entries, String indent, String newline) {
        StringBuilder text = new StringBuilder();
        for (T entry : entries) {
            if (!text.isEmpty()) {
                text.append(newline);
            }
            text.append(binding.text(entry, indent, newline));
        }
        return text.toString();
    }

    /** The last {@code count} items of {@code read} are exactly {@code entries}. */
    private static <T> boolean endsWith(List<T> read, List<T> entries) {
        return read.size() >= entries.size() && read.subList(read.size() - entries.size(), read.size()).equals(entries);
    }

    /** The new entry's own text must give back exactly the entry: no value may be lost to quoting. */
    private static <T> void checkReadsBack(EntryBinding<T> binding, T entry, String text) {
        List<Problem> problems = new ArrayList<>();
        List<T> read = new ArrayList<>();
        YamlNode root = new YamlTreeReader("the new entry", Long.MAX_VALUE, problems).readItems(text, item -> {
            T bound = binding.bind(item, "new entry", problems);
            if (bound != null) {
                read.add(bound);
            }
        });
        if (!problems.isEmpty()) {
            throw new TruceException(TruceException.Cause.BAD_INPUT,
                    problems.stream().map(Problem::renderUnplaced).toList());
        }
        if (root != null || read.size() != 1 || !read.get(0).equals(entry)) {
            throw TruceException.badInput("the new entry would not read back exactly as given (a text with characters "
                    + "YAML cannot hold?); nothing was written. Entry:\n" + text);
        }
    }

    /** Fast path: the last entry and the new ones, parsed together, are valid entries, the new ones those asked for. */
    private static <T> boolean fitsAfter(String lastEntry, String addition, EntryBinding<T> binding, List<T> entries) {
        List<Problem> problems = new ArrayList<>();
        List<T> read = new ArrayList<>();
        YamlNode root = new YamlTreeReader(binding.label(), Long.MAX_VALUE, problems).readItems(lastEntry + addition,
                item -> read.add(binding.bind(item, "last entry", problems)));
        return problems.isEmpty() && root == null && read.size() >= entries.size() + 1
                && read.stream().allMatch(Objects::nonNull) && endsWith(read, entries);
    }

    /**
     * Slow path, for a file whose end the fast path could not vouch for: every problem of the file,
     * with its real line and column, or proof that the new entry becomes the list's last item.
     */
    private <T> void checkWholeFile(Path path, EntryBinding<T> binding, List<T> entries, String addition) throws IOException {
        EntryFileReader.Read read = reader.read(path, binding, e -> {
        });
        if (!read.clean()) {
            List<String> lines = new ArrayList<>();
            lines.add(binding.label() + ": not appended: fix the problems below first (nothing was written)");
            lines.addAll(read.lines(binding.label(), true));
            throw new TruceException(TruceException.Cause.BAD_INPUT, lines);
        }
        int count = read.entries();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw TruceException.badInput(binding.label() + ": the file is not UTF-8 text");
        }
        List<Problem> problems = new ArrayList<>();
        List<T> items = new ArrayList<>();
        YamlNode root = new YamlTreeReader(binding.label(), Long.MAX_VALUE, problems).readItems(text + addition,
                item -> items.add(binding.bind(item, "[" + items.size() + "]", new ArrayList<>())));
        if (!problems.isEmpty() || root != null || items.size() != count + entries.size() || !endsWith(items, entries)) {
            List<String> lines = new ArrayList<>();
            lines.add(binding.label() + ": cannot append: a '- ' entry added at the end would not become the last item "
                    + "of the file's list (is the list written [in brackets], or followed by a '---' or '...' line?); "
                    + "make the file a list of '- ' entries. Nothing was written.");
            problems.forEach(p -> lines.add(p.render()));
            throw new TruceException(TruceException.Cause.BAD_INPUT, lines);
        }
    }

    /**
     * One write of the complete bytes at the end of the file, then fsync; the directory too for a new file.
     * A write that fails part-way (a full disk) is rolled back: the file is cut to its length before the
     * write, so no half entry stays behind to stop every later command.
     */
    private static void write(Path path, String text, boolean created) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long before = channel.size();
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            } catch (IOException e) {
                try {
                    channel.truncate(before);
                    channel.force(true);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
        if (created) {
            syncDirectory(path.toAbsolutePath().getParent());
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory; the file's own data is already synced.
        }
    }
}
