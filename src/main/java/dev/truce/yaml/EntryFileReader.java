package dev.truce.yaml;

import dev.truce.config.Progress;
import dev.truce.config.ReadSettings;
import dev.truce.domain.TruceException;
import dev.truce.yaml.codec.BinaryCodec;
import dev.truce.yaml.codec.BinaryIn;
import dev.truce.yaml.codec.BinaryOut;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a log file (evidence.yaml, acks.yaml: a YAML list of entries, each naming an obligation) entry by
 * entry: each entry is bound by its {@link EntryBinding} and handed on as soon as it is parsed, so memory
 * holds the entries the caller keeps, never the YAML tree of the file.
 *
 * <p>A bad part never silences the rest. A bad entry is reported (as {@code evidence.yaml:LINE:COL:
 * [i].key: what is wrong}) and skipped, and the obligation it was about is named in the result, so the
 * caller can tell which obligations it cannot vouch for (evidence: compliance unknown rather than guessed
 * from the other entries; acks: none honoured). After a YAML syntax
 * error the reader goes on entry by entry: each top-level list item is parsed on its own, so one broken
 * entry (an unclosed quote, a tab) costs that entry, not the file. A missing file is a log with no entries yet.
 */
public final class EntryFileReader {
    /** Enough to fix a file by; a million broken entries need a fix in bulk, not a million lines. */
    public static final int MAX_PROBLEMS_SHOWN = 100;

    /**
     * From this size up (about 3,000 entries of evidence), a log is parsed in two halves at once, each on its own
     * thread, on a machine with more than one core.
     */
    static final long HALVES_FROM = 512 * 1024;

    /** Below this many new entries after a cached prefix, the cache is not rewritten: parsing them is cheap. */
    private static final int REWRITE_AFTER_ENTRIES = 1000;
    private static final Pattern ITEM = Pattern.compile("^( *)-( |$)");
    private static final Pattern OBLIGATION = Pattern.compile("^[ -]*(?:\\{ *)?obligation: *[\"']?([a-z0-9-]+)");

    private final long maxBytes;
    private final ParseCache cache;
    private final Progress progress;
    private final long halvesFrom;

    public EntryFileReader() {
        this(ReadSettings.DEFAULT_MAX_BYTES);
    }

    public EntryFileReader(long maxBytes) {
        this(maxBytes, ParseCache.disabled());
    }

    public EntryFileReader(long maxBytes, ParseCache cache) {
        this(maxBytes, cache, Progress.NONE);
    }

    /** {@code progress}: where reading a whole file says how far it has got. */
    public EntryFileReader(long maxBytes, ParseCache cache, Progress progress) {
        this(maxBytes, cache, progress, HALVES_FROM);
    }

    private EntryFileReader(long maxBytes, ParseCache cache, Progress progress, long halvesFrom) {
        this.maxBytes = maxBytes;
        this.cache = cache;
        this.progress = progress;
        this.halvesFrom = halvesFrom;
    }

    /** This reader, parsing a log in two halves at once from {@code bytes} up (tests cut small files). */
    EntryFileReader halvesFrom(long bytes) {
        return new EntryFileReader(maxBytes, cache, progress, bytes);
    }

    /**
     * What a read found: how many entries were read whole, the problems (in line order), and which
     * obligations have entries that could not be read. {@code unattributed}: some broken part of the file
     * cannot be tied to an obligation, so no obligation's compliance can be trusted.
     */
    public record Read(int entries, List<Problem> problems, Set<String> broken, boolean unattributed, int dropped,
                       boolean cutOff, List<NewestDates.Dated> newest) {
        public static final Read NONE = new Read(0, List.of(), Set.of(), false, 0, false, List.of());

        public Read {
            problems = List.copyOf(problems);
            broken = Set.copyOf(broken);
            newest = List.copyOf(newest);
        }

        /**
         * The entries dated after {@code after} (the end of today in the truce's zone), latest first, as warnings at
         * their file:line: the file is valid, but `evidence add` would have refused them.
         */
        public List<String> datedAfter(String label, java.time.Instant after, java.time.ZoneId zone) {
            java.time.LocalDate today = after.minusNanos(1).atZone(zone).toLocalDate();
            return newest.stream().filter(d -> !d.date().start(zone).isBefore(after))
                    .map(d -> label + ":" + d.at().line() + ":" + d.at().column() + ": " + d.path() + ".date: "
                            + d.date().iso() + " is after today (" + today + "): an entry records what has happened "
                            + "(truce evidence add refuses a future date); a typo?")
                    .toList();
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        /** Whether the compliance of {@code obligation} cannot be told from what was read. */
        public boolean isBroken(String obligation) {
            return unattributed || broken.contains(obligation);
        }

        /** Every problem, in line order, cut to {@value #MAX_PROBLEMS_SHOWN} plus a count. */
        public List<String> lines(String label, boolean forPerson) {
            List<String> lines = new ArrayList<>();
            problems.stream().limit(MAX_PROBLEMS_SHOWN).map(p -> forPerson ? p.render() : p.redacted()).forEach(lines::add);
            int more = problems.size() - Math.min(problems.size(), MAX_PROBLEMS_SHOWN) + dropped;
            if (more > 0) {
                lines.add(label + ": and " + more + " more " + (more == 1 ? "problem" : "problems")
                        + " (fix these, then run truce validate again)");
            }
            if (cutOff) {
                lines.add(label + ": the file does not end with a line break: its last entry may have been cut off "
                        + "while being written; check it, then complete or delete it");
            }
            return lines;
        }

        /** All of it as a bad-input failure, for the commands that need the file whole (validate, evidence add). */
        public TruceException failure(String label) {
            return new TruceException(TruceException.Cause.BAD_INPUT, lines(label, true));
        }
    }

    /**
     * Hands every entry that can be read to {@code sink} in file order, and says what could not be read.
     * Throws only for what stops any read (an I/O failure).
     */
    public <T> Read read(Path path, EntryBinding<T> binding, Consumer<T> sink) {
        return read(path, binding, null, sink);
    }

    /**
     * {@link #read(Path, EntryBinding, Consumer)}, handing on only the entries about the obligations in {@code only}
     * (all of them when null), in file order; what could not be read is said of the whole file. From the parse
     * cache, only those entries are decoded (the cache keeps each obligation's entries apart).
     */
    public <T> Read read(Path path, EntryBinding<T> binding, Set<String> only, Consumer<T> everyEntry) {
        Consumer<T> sink = only == null ? everyEntry : e -> {
            if (only.contains(binding.obligationOf(e))) {
                everyEntry.accept(e);
            }
        };
        if (!Files.exists(path)) {
            return Read.NONE;
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw TruceException.failure(binding.label() + ": cannot read: " + e.getMessage(), e);
        }
        String kind = binding.cacheKind();
        BinaryCodec<T> entryCodec = binding.entryCodec();
        if (kind == null || entryCodec == null || !cache.keeps(size) || size > maxBytes) {
            return parse(Text.of(path), binding, only == null ? null : e -> only.contains(binding.obligationOf(e)), sink);
        }
        long key = binding.fingerprint();
        Optional<ParseCache.Entry<Prefix<T>>> prefix = cache.read(kind, path, key,
                        prefixCodec(entryCodec, binding, only))
                .filter(entry -> startsWith(path, entry.extent()));
        if (prefix.isPresent()) {
            Read read = withTail(path, prefix.get(), binding, sink, key, kind);
            if (read != null) {
                return read;
            }
        }
        List<T> all = new ArrayList<>();
        Read read = parse(Text.of(path), binding, null, e -> {
            all.add(e);
            sink.accept(e);
        });
        try {
            if (Files.size(path) == size) { // nothing appended while parsing: the entries are exactly those of `size` bytes
                store(path, key, kind, prefixCodec(entryCodec, binding, null), all, read, size);
            }
        } catch (IOException e) {
            // an optimisation only
        }
        return read;
    }

    /**
     * {@link #read(Path, EntryBinding, Consumer)} for a version of the file held in memory (as committed to
     * git, or kept in a snapshot): the same parsing and recovery, never through the cache.
     */
    public <T> Read read(byte[] content, EntryBinding<T> binding, Consumer<T> sink) {
        return parse(Text.of(content), binding, null, sink);
    }

    /** Every entry that can be read, in file order; throws a bad-input failure listing every problem if any. */
    public <T> List<T> readAll(Path path, EntryBinding<T> binding) {
        List<T> all = new ArrayList<>();
        Read read = read(path, binding, all::add);
        if (!read.clean()) {
            throw read.failure(binding.label());
        }
        return all;
    }

    // ---- the cache of a prefix: a log only grows by appends ----------------------------------------

    /**
     * What a cache entry holds: the entries of the file's first bytes (all of them, or those of the obligations
     * asked for: {@code whole} says which), what was wrong in them, their line count.
     */
    record Prefix<T>(List<T> entries, Read read, int lines, boolean whole) {
    }

    /**
     * How a prefix is written. First what the read found and the line count (by the codec generated for
     * {@link Read}), the number of entries and where the directory is; then every entry in file order, each by
     * the binding's codec (generated for its record); then the directory: for each obligation, in the order
     * first met, its id, how many entries it has and where each is (the gaps between them, as varints). A whole
     * read decodes the entries in turn; a read for some obligations ({@code only}) decodes the directory and
     * then those obligations' entries alone, in file order.
     */
    private static <T> BinaryCodec<Prefix<T>> prefixCodec(BinaryCodec<T> entries, EntryBinding<T> binding,
                                                           Set<String> only) {
        return new BinaryCodec<>() {
            @Override
            public void write(BinaryOut out, Prefix<T> prefix) {
                if (!prefix.whole()) {
                    throw new IllegalArgumentException("only a whole prefix is written");
                }
                CacheFormsCodec.ENTRY_FILE_READER_READ.write(out, prefix.read());
                out.i32(prefix.lines());
                out.count(prefix.entries().size());
                int directoryAt = out.position();
                out.fixed32(0);
                Map<String, Group> groups = new LinkedHashMap<>();
                for (T entry : prefix.entries()) {
                    groups.computeIfAbsent(String.valueOf(binding.obligationOf(entry)), k -> new Group()).add(out.position());
                    entries.write(out, entry);
                }
                out.fixed32At(directoryAt, out.position());
                out.count(groups.size());
                for (Map.Entry<String, Group> group : groups.entrySet()) {
                    out.string(group.getKey());
                    group.getValue().write(out);
                }
            }

            @Override
            public Prefix<T> read(BinaryIn in) {
                Read read = CacheFormsCodec.ENTRY_FILE_READER_READ.read(in);
                int lines = in.i32();
                int count = in.count();
                int directory = in.fixed32();
                if (count < 0) {
                    throw in.corrupt();
                }
                List<T> kept = new ArrayList<>(only == null ? count : 16);
                if (only == null) {
                    for (int i = 0; i < count; i++) {
                        kept.add(entries.read(in));
                    }
                    if (in.position() != directory) {
                        throw in.corrupt();
                    }
                    return new Prefix<>(kept, read, lines, true);
                }
                in.seek(directory);
                int[] wanted = Group.positions(in, only, count);
                for (int position : wanted) {
                    in.seek(position);
                    kept.add(entries.read(in));
                }
                return new Prefix<>(kept, read, lines, false);
            }
        };
    }

    /** Where one obligation's entries are in a prefix's bytes. */
    private static final class Group {
        private int[] positions = new int[4];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        /** The count, the length of the gaps in bytes (so a reader can step over them), the gaps. */
        void write(BinaryOut out) {
            int length = 0;
            for (int i = 0; i < size; i++) {
                length += BinaryOut.sizeOfU32(positions[i] - (i == 0 ? 0 : positions[i - 1]));
            }
            out.count(size);
            out.u32(length);
            for (int i = 0; i < size; i++) {
                out.u32(positions[i] - (i == 0 ? 0 : positions[i - 1]));
            }
        }

        /** From the directory at {@code in}'s position: where the entries of {@code only} are, in file order. */
        static int[] positions(BinaryIn in, Set<String> only, int total) {
            int groups = in.count();
            if (groups < 0) {
                throw in.corrupt();
            }
            int[] wanted = new int[Math.min(total, 64)];
            int size = 0;
            for (int g = 0; g < groups; g++) {
                String obligation = in.string();
                int n = in.count();
                int length = in.u32();
                if (n < 0 || !only.contains(obligation)) {
                    in.seek(in.position() + length);
                    continue;
                }
                if (size + n > wanted.length) {
                    if (size + n > total) {
                        throw in.corrupt();
                    }
                    wanted = Arrays.copyOf(wanted, Math.min(total, Math.max(size + n, wanted.length * 2)));
                }
                int position = 0;
                for (int i = 0; i < n; i++) {
                    position += in.u32();
                    wanted[size++] = position;
                }
            }
            int[] sorted = Arrays.copyOf(wanted, size);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private static boolean startsWith(Path path, ParseCache.Extent extent) {
        try {
            return Files.size(path) >= extent.length() && ParseCache.crcOfPrefix(path, extent.length()) == extent.crc();
        } catch (IOException e) {
            return false;
        }
    }

    /** The cached entries plus those appended since; null when the appended part must be read with the whole file. */
    private <T> Read withTail(Path path, ParseCache.Entry<Prefix<T>> entry, EntryBinding<T> binding, Consumer<T> sink,
                              long key, String kind) {
        Prefix<T> prefix = entry.value();
        try {
            byte[] bytes = AppendLayout.readTail(path, entry.extent().length());
            if (bytes.length == 0) {
                prefix.entries().forEach(sink);
                return prefix.read(); // nothing appended: no parser needed at all
            }
            if (!AppendLayout.standsAlone(bytes)) {
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            List<Problem> problems = new ArrayList<>();
            List<T> entries = new ArrayList<>();
            List<NewestDates.Dated> tailDates = new ArrayList<>();
            // the tail's lines continue the cached prefix's: they are counted from where it ends
            int lines = prefix.lines();
            // any problem in the appended part sends the reader to the whole file, so lines here need no offset
            int base = prefix.read().entries() + prefix.read().problems().size();
            YamlTreeReader yaml = new YamlTreeReader(binding.label(), maxBytes, problems).startingAtLine(lines);
            YamlNode root = yaml.readItems(text, item -> {
                String at = "[" + (base + entries.size()) + "]";
                T bound = binding.bind(item, at, problems);
                if (bound != null) {
                    entries.add(bound);
                    dev.truce.domain.Moment date = binding.dateOf(bound);
                    if (date != null) {
                        tailDates.add(new NewestDates.Dated(date, Paths.position(item, binding.dateKey()), at));
                    }
                }
            });
            if (root != null || !problems.isEmpty()) {
                return null; // something wrong in the new part: the whole file is read, to report it exactly
            }
            prefix.entries().forEach(sink);
            entries.forEach(sink);
            NewestDates newest = new NewestDates();
            newest.offerAll(prefix.read().newest());
            newest.offerAll(tailDates);
            Read read = new Read(prefix.read().entries() + entries.size(), prefix.read().problems(),
                    prefix.read().broken(), prefix.read().unattributed(), prefix.read().dropped(), prefix.read().cutOff(),
                    newest.latestFirst());
            if (entries.size() >= REWRITE_AFTER_ENTRIES) {
                BinaryCodec<Prefix<T>> whole = prefixCodec(binding.entryCodec(), binding, null);
                Prefix<T> from = prefix.whole() ? prefix : cache.read(kind, path, key, whole)
                        .filter(e -> e.extent().equals(entry.extent())).map(ParseCache.Entry::value).orElse(null);
                if (from != null) {
                    List<T> all = new ArrayList<>(from.entries());
                    all.addAll(entries);
                    store(path, key, kind, whole, all, read, entry.extent().length() + bytes.length);
                }
            }
            return read;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private <T> void store(Path path, long key, String kind, BinaryCodec<Prefix<T>> codec, List<T> entries, Read read,
                           long length) {
        try {
            AppendLayout layout = AppendLayout.of(path, length);
            if (layout.appendable()) {
                cache.write(kind, path, key, new ParseCache.Extent(layout.length(), layout.crc()), codec,
                        new Prefix<>(entries, read, layout.lines(), true));
            }
        } catch (IOException e) {
            // an optimisation only
        }
    }

    // ---- reading the whole file -------------------------------------------------------------------------

    /** Collects what is wrong, keeping the first problems in full and counting the rest. */
    private static final class Findings {
        final List<Problem> kept = new ArrayList<>();
        final Set<String> broken = new HashSet<>();
        final NewestDates newest = new NewestDates();
        boolean unattributed;
        boolean cutOff;
        int dropped;
        int entries;
        int lastItemLine;

        void add(Problem problem) {
            if (kept.size() < MAX_PROBLEMS_SHOWN * 10) {
                kept.add(problem);
            } else {
                dropped++;
            }
        }

        void brokenEntry(Optional<String> obligation) {
            if (obligation.isPresent()) {
                broken.add(obligation.get());
            } else {
                unattributed = true;
            }
        }

        Read read() {
            kept.sort(Problem.IN_LINE_ORDER);
            return new Read(entries, kept, broken, unattributed, dropped, cutOff, newest.latestFirst());
        }
    }

    /** The file's text: on disk, or held in memory. */
    private interface Text {
        long size();

        /** {@code length} bytes from {@code from} (fewer at the end). */
        java.io.InputStream open(long from, long length) throws IOException;

        boolean endsWithLineBreak();

        default java.io.InputStream open() throws IOException {
            return open(0, Long.MAX_VALUE);
        }

        default YamlNode readItems(YamlTreeReader yaml, Consumer<YamlNode> items) {
            return readItems(yaml, 0, size(), items);
        }

        default YamlNode readItems(YamlTreeReader yaml, long from, long length, Consumer<YamlNode> items) {
            return yaml.readItems(() -> open(from, length), length, items);
        }

        /** Up to {@code length} bytes from {@code from}. */
        default byte[] read(long from, int length) throws IOException {
            try (java.io.InputStream in = open(from, length)) {
                return in.readNBytes(length);
            }
        }

        static Text of(Path path) {
            return new Text() {
                @Override
                public long size() {
                    try {
                        return Files.size(path);
                    } catch (IOException e) {
                        return 0; // the reader says why it cannot read
                    }
                }

                @Override
                public YamlNode readItems(YamlTreeReader yaml, Consumer<YamlNode> items) {
                    return yaml.readItems(path, items); // the file's own checks: a directory, a FIFO, too large
                }

                @Override
                public java.io.InputStream open(long from, long length) throws IOException {
                    java.io.InputStream in = Files.newInputStream(path);
                    try {
                        in.skipNBytes(from);
                    } catch (IOException e) {
                        in.close();
                        throw e;
                    }
                    return new Bounded(in, length);
                }

                @Override
                public boolean endsWithLineBreak() {
                    return EntryFileReader.endsWithLineBreak(path);
                }
            };
        }

        static Text of(byte[] content) {
            return new Text() {
                @Override
                public long size() {
                    return content.length;
                }

                @Override
                public YamlNode readItems(YamlTreeReader yaml, Consumer<YamlNode> items) {
                    return yaml.readItems(content, items);
                }

                @Override
                public java.io.InputStream open(long from, long length) {
                    int start = (int) Math.min(from, content.length);
                    return new java.io.ByteArrayInputStream(content, start, (int) Math.min(length, content.length - start));
                }

                @Override
                public boolean endsWithLineBreak() {
                    return content.length == 0 || content[content.length - 1] == '\n';
                }
            };
        }
    }

    /** At most {@code length} bytes of a stream. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(java.io.InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }

    /**
     * Reads every entry of the file: a long log in two halves at once ({@link #inHalves}) when it can be, else
     * whole, on this thread. {@code wanted}: the entries {@code sink} keeps (null: all), so that the second half
     * holds on to those alone until they can be handed on.
     */
    private <T> Read parse(Text text, EntryBinding<T> binding, Predicate<T> wanted, Consumer<T> sink) {
        EntryBinding<T> other = binding.forAnotherThread();
        long size = text.size();
        if (other != null && size >= halvesFrom && size <= maxBytes && Runtime.getRuntime().availableProcessors() > 1) {
            long cut = cut(text, size);
            if (cut > 0) {
                int[] delivered = {0};
                Read read = inHalves(text, cut, size, binding, other, wanted, sink, delivered);
                if (read != null) {
                    return read;
                }
                return whole(text, binding, skipping(delivered[0], sink));
            }
        }
        return whole(text, binding, sink);
    }

    /** Where the file can be cut in two near its middle (see {@link LogHalves}); -1: nowhere. */
    private static long cut(Text text, long size) {
        try {
            if (!LogHalves.itemsAtColumnZero(text.read(0, LogHalves.WINDOW))) {
                return -1;
            }
            long from = size / 2 - 1; // the byte before the middle: a line may start at the middle
            int at = LogHalves.itemStart(text.read(from, LogHalves.WINDOW));
            return at < 0 ? -1 : from + at;
        } catch (IOException e) {
            return -1; // read whole, which says what is wrong
        }
    }

    /**
     * The file's two halves parsed at once: the first on this thread, handing each entry on as it is read; the
     * second on another, keeping its entries until the first half is done. Taken only when both halves are read
     * without a problem; else null, and the whole file is read again (which finds and reports the problems
     * exactly), the first {@code delivered[0]} entries having been handed on already.
     */
    private <T> Read inHalves(Text text, long cut, long size, EntryBinding<T> binding, EntryBinding<T> other,
                              Predicate<T> wanted, Consumer<T> sink, int[] delivered) {
        SecondHalf<T> second = new SecondHalf<>(text, cut, size, other, wanted, maxBytes);
        Thread worker = new Thread(second, "truce-parse");
        worker.setDaemon(true);
        worker.start();
        Findings findings = new Findings();
        boolean clean = false;
        try {
            List<Problem> problems = new ArrayList<>();
            YamlTreeReader yaml = new YamlTreeReader(binding.label(), maxBytes, problems)
                    .watchedBy(scaled(progress, size, cut));
            YamlNode root = text.readItems(yaml, 0, cut, item -> {
                String path = "[" + findings.entries + "]";
                T bound = problems.isEmpty() ? binding.bind(item, path, problems) : null;
                if (bound == null || !problems.isEmpty()) {
                    throw NotWhole.INSTANCE;
                }
                counted(item, path, bound, binding, findings);
                sink.accept(bound);
                delivered[0]++;
            });
            clean = root == null && problems.isEmpty() && !yaml.stoppedAtSyntaxError();
        } catch (NotWhole | TruceException e) {
            // read whole
        } finally {
            if (!clean) {
                second.stopped = true;
            }
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                second.stopped = true;
                clean = false;
            }
        }
        if (!clean || !second.clean) {
            return null;
        }
        int offset = findings.entries;
        second.entries.forEach(sink);
        findings.entries += second.findings.entries;
        for (NewestDates.Dated d : second.dates) { // "[i]" of the second half is "[offset + i]" of the file
            findings.newest.offer(d.date(), d.at(), "[" + (offset + Integer.parseInt(d.path().substring(1,
                    d.path().length() - 1))) + "]");
        }
        return findings.read();
    }

    /** An entry read whole: counted, and its date kept for the warning about dates after today. */
    private static <T> void counted(YamlNode item, String path, T bound, EntryBinding<T> binding, Findings findings) {
        findings.entries++;
        dev.truce.domain.Moment date = binding.dateOf(bound);
        if (date != null) {
            findings.newest.offer(date, Paths.position(item, binding.dateKey()), path);
        }
    }

    /** The second half of a file, parsed and bound on a thread of its own. */
    private static final class SecondHalf<T> implements Runnable {
        private final Text text;
        private final long cut;
        private final long size;
        private final EntryBinding<T> binding;
        private final Predicate<T> wanted;
        private final long maxBytes;
        final Findings findings = new Findings();
        /** The entries read, those wanted alone. */
        final List<T> entries = new ArrayList<>();
        List<NewestDates.Dated> dates = List.of();
        /** Set by the first half when it is not read whole: this half is not needed either. */
        volatile boolean stopped;
        boolean clean;

        SecondHalf(Text text, long cut, long size, EntryBinding<T> binding, Predicate<T> wanted, long maxBytes) {
            this.text = text;
            this.cut = cut;
            this.size = size;
            this.binding = binding;
            this.wanted = wanted;
            this.maxBytes = maxBytes;
        }

        @Override
        public void run() {
            try {
                int lines;
                try (java.io.InputStream in = text.open(0, cut)) {
                    lines = LogHalves.lineBreaks(in);
                }
                List<Problem> problems = new ArrayList<>();
                YamlTreeReader yaml = new YamlTreeReader(binding.label(), maxBytes, problems).startingAtLine(lines);
                YamlNode root = text.readItems(yaml, cut, size - cut, item -> {
                    String path = "[" + findings.entries + "]";
                    T bound = stopped || !problems.isEmpty() ? null : binding.bind(item, path, problems);
                    if (bound == null || !problems.isEmpty()) {
                        throw NotWhole.INSTANCE;
                    }
                    counted(item, path, bound, binding, findings);
                    if (wanted == null || wanted.test(bound)) {
                        entries.add(bound);
                    }
                });
                clean = root == null && problems.isEmpty() && !yaml.stoppedAtSyntaxError() && !stopped;
                dates = findings.newest.latestFirst();
            } catch (IOException | RuntimeException | Error e) {
                // not read whole (or the machine is out of memory): the whole file is read, which reports it
                entries.clear();
            }
        }
    }

    /** Ends the read of a half at its first problem: the problems are found by reading the whole file. */
    private static final class NotWhole extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotWhole INSTANCE = new NotWhole();

        private NotWhole() {
            super(null, null, false, false);
        }
    }

    /** {@code sink} from the entry after the first {@code count} on (those were handed on already). */
    private static <T> Consumer<T> skipping(int count, Consumer<T> sink) {
        if (count == 0) {
            return sink;
        }
        int[] seen = {0};
        return e -> {
            if (seen[0]++ >= count) {
                sink.accept(e);
            }
        };
    }

    /** {@code progress} of a whole file of {@code size} bytes, told by the reader of its first {@code part} bytes. */
    private static Progress scaled(Progress progress, long size, long part) {
        if (progress == Progress.NONE) {
            return progress;
        }
        return (what, total) -> {
            Progress.Step step = progress.start(what, size);
            return new Progress.Step() {
                @Override
                public void at(long done) {
                    step.at(Math.min(size, done * size / part));
                }

                @Override
                public void close() {
                    step.close();
                }
            };
        };
    }

    /** Reads the whole file on this thread, and goes on past a syntax error entry by entry. */
    private <T> Read whole(Text text, EntryBinding<T> binding, Consumer<T> sink) {
        Findings findings = new Findings();
        List<Problem> tree = new ArrayList<>();
        int[] index = {0};
        int[] seen = {0};
        YamlNode root;
        try {
            YamlTreeReader yaml = new YamlTreeReader(binding.label(), maxBytes, tree).watchedBy(progress);
            root = text.readItems(yaml, item -> {
                findings.lastItemLine = item.position().line();
                List<Problem> own = new ArrayList<>(tree.subList(seen[0], tree.size()));
                seen[0] = tree.size();
                entry(item, "[" + index[0]++ + "]", own, binding, sink, findings);
            });
            if (yaml.stoppedAtSyntaxError()) {
                // what the tree reader found after the last whole entry is found again, entry by entry
                List<Problem> tail = new ArrayList<>(tree.subList(seen[0], tree.size()));
                if (!recover(text, binding, sink, findings, index)) {
                    tail.forEach(findings::add);
                    findings.unattributed = true;
                }
                findings.cutOff = !text.endsWithLineBreak();
            } else {
                tree.subList(seen[0], tree.size()).forEach(findings::add);
            }
        } catch (TruceException e) {
            // the file as a whole cannot be read (too large, not UTF-8, not a regular file): nothing in it counts
            findings.add(new Problem(binding.label(), Position.START, "", e.getMessage()));
            findings.unattributed = true;
            return findings.read();
        }
        if (root != null) {
            findings.add(new Problem(binding.label(), root.position(), "",
                    "expected a list of entries ('- obligation: ...'), found " + root.description()));
            findings.unattributed = true;
        }
        return findings.read();
    }

    /** One list item: read whole, or broken (its own problems, or the binder's), with its obligation named. */
    private static <T> void entry(YamlNode item, String path, List<Problem> own, EntryBinding<T> binding,
                                  Consumer<T> sink, Findings findings) {
        List<Problem> found = new ArrayList<>(own);
        T bound = binding.bind(item, path, found);
        if (bound != null && own.isEmpty()) {
            counted(item, path, bound, binding, findings);
            sink.accept(bound);
        } else {
            found.forEach(findings::add);
            findings.brokenEntry(binding.attribute(item));
        }
    }

    /**
     * After a syntax error: every top-level list item after the last entry read whole is parsed on its own,
     * so an error costs its own entry only. An item is a line starting with '- ' at the list's indentation.
     * False when there was nothing to parse that way (the error lies outside any item).
     */
    private <T> boolean recover(Text text, EntryBinding<T> binding, Consumer<T> sink, Findings findings, int[] index) {
        boolean blamed = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(text.open(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            String line;
            int number = 0;
            String indent = null;
            StringBuilder chunk = null;
            int chunkStart = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                Matcher item = ITEM.matcher(line);
                boolean starts = item.find() && (indent == null || item.group(1).equals(indent));
                if (starts && indent == null) {
                    indent = item.group(1);
                }
                if (number <= findings.lastItemLine) {
                    continue; // read whole before the error
                }
                if (starts) {
                    if (chunk != null) {
                        blamed |= chunk(chunk.toString(), chunkStart, binding, sink, findings, index);
                    }
                    chunk = new StringBuilder();
                    chunkStart = number;
                }
                if (chunk != null) {
                    chunk.append(line).append('\n');
                }
            }
            if (chunk != null) {
                String last = text.endsWithLineBreak() ? chunk.toString() : chunk.substring(0, chunk.length() - 1);
                blamed |= chunk(last, chunkStart, binding, sink, findings, index);
            }
        } catch (IOException e) {
            throw TruceException.failure(binding.label() + ": cannot read: " + e.getMessage(), e);
        }
        return blamed;
    }

    /** One item's text parsed on its own; true when it is broken. */
    private <T> boolean chunk(String text, int firstLine, EntryBinding<T> binding, Consumer<T> sink,
                          Findings findings, int[] index) {
        List<Problem> problems = new ArrayList<>();
        YamlTreeReader yaml = new YamlTreeReader(binding.label(), maxBytes, problems).startingAtLine(firstLine - 1);
        int[] items = {0};
        int[] seen = {0};
        yaml.readItems(text, item -> {
            items[0]++;
            List<Problem> own = new ArrayList<>(problems.subList(seen[0], problems.size()));
            seen[0] = problems.size();
            entry(item, "[" + index[0]++ + "]", own, binding, sink, findings);
        });
        if (!yaml.stoppedAtSyntaxError() && items[0] > 0) {
            return false;
        }
        problems.subList(seen[0], problems.size()).forEach(findings::add);
        index[0]++;
        Optional<String> id = Optional.empty();
        for (String line : text.split("\n")) {
            Matcher m = OBLIGATION.matcher(line);
            if (m.find()) {
                id = binding.attribute(m.group(1));
                break;
            }
        }
        findings.brokenEntry(id);
        return true;
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
