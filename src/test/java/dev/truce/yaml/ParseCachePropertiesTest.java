package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache is no second schema: for random valid files, with every optional key, Unicode text and
 * extension chains, what the cache gives back is exactly what parsing gives. A key added to a record is
 * written with it, or this fails.
 *
 * <p>Every trial is seeded, and the seeds are fixed, so a run is repeatable. A failure names its seed;
 * {@code -Dtruce.seed=N} runs only that seed.
 */
class ParseCachePropertiesTest {
    /** Where the trials' seeds start; each trial's seed is derived from it and its number. */
    private static final long BASE_SEED = 20_251_110L;
    private static final String SEED_PROPERTY = "truce.seed";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> anObligationsFileReadsTheSameFromTheCacheAsFromTheText() {
        return trials(60, this::obligationsFile);
    }

    @TestFactory
    Stream<DynamicTest> anEvidenceLogReadsTheSameFromTheCacheBeforeAndAfterAnAppend() {
        return trials(40, this::evidenceLog);
    }

    @TestFactory
    Stream<DynamicTest> statusFromACacheThatDecodesOnlyTheRowsShownEqualsStatusWithoutOne() {
        return trials(30, this::status);
    }

    private void obligationsFile(long seed) throws IOException {
        Path file = dir.resolve("obligations-" + seed + ".yaml");
        Files.writeString(file, new RandomTruce(new Random(seed)).obligations(), StandardCharsets.UTF_8);
        ObligationsFileReader plain = new ObligationsFileReader(1 << 24, ParseCache.disabled());
        ObligationsFileReader cached = new ObligationsFileReader(1 << 24, ParseCache.in(dir.resolve("cache-" + seed)));
        TruceFile parsed = plain.read(file, "obligations.yaml");
        TruceFile first = cached.read(file, "obligations.yaml");   // parses and stores
        TruceFile second = cached.read(file, "obligations.yaml");  // loads
        try (Stream<Path> entries = Files.list(dir.resolve("cache-" + seed))) {
            assertTrue(entries.findAny().isPresent(), "an entry was written");
        }
        for (TruceFile read : List.of(first, second)) {
            assertEquals(parsed.register(), read.register());
            assertEquals(parsed.settings(), read.settings());
            assertEquals(parsed.lines(), read.lines());
        }
    }

    private void evidenceLog(long seed) throws IOException {
        RandomTruce random = new RandomTruce(new Random(seed));
        Path file = dir.resolve("evidence-" + seed + ".yaml");
        Files.writeString(file, random.evidence(20), StandardCharsets.UTF_8);
        EvidenceBinding binding = new EvidenceBinding("evidence.yaml", RandomTruce.IDS, "obligations.yaml");
        EntryFileReader plain = new EntryFileReader(1 << 24);
        EntryFileReader cached = new EntryFileReader(1 << 24, ParseCache.in(dir.resolve("cache-" + seed)));
        Random subsets = new Random(seed ^ 0x5EEDL);
        partial(plain, cached, file, binding, subset(subsets), "parsed, the entry written");
        assertEquals(plain.readAll(file, binding), cached.readAll(file, binding));
        assertEquals(plain.readAll(file, binding), cached.readAll(file, binding));
        partial(plain, cached, file, binding, subset(subsets), "from the entry");
        Files.writeString(file, "\n" + random.evidence(3), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        partial(plain, cached, file, binding, subset(subsets), "from the entry and the parsed tail");
        List<Evidence> whole = plain.readAll(file, binding);
        assertEquals(whole, cached.readAll(file, binding), "the cached prefix and the parsed tail");
        assertEquals(23, whole.size());
    }

    /** Some of the ids, maybe none, maybe all. */
    private static Set<String> subset(Random random) {
        Set<String> some = new HashSet<>();
        double share = random.nextDouble();
        for (String id : RandomTruce.IDS) {
            if (random.nextDouble() < share) {
                some.add(id);
            }
        }
        return some;
    }

    /** A read for some obligations gives their entries of a whole parse, in file order, and what the parse found. */
    private static void partial(EntryFileReader plain, EntryFileReader cached, Path file, EvidenceBinding binding,
                                Set<String> only, String how) {
        List<Evidence> all = new ArrayList<>();
        EntryFileReader.Read parsed = plain.read(file, binding, all::add);
        List<Evidence> some = new ArrayList<>();
        EntryFileReader.Read read = cached.read(file, binding, only, some::add);
        assertEquals(all.stream().filter(e -> only.contains(e.obligation())).toList(), some, how + ", for " + only);
        assertEquals(parsed, read, how + ": what the read found");
    }

    /**
     * `status` through the use case, with the cache and without, on random files, windows and moments: the cached
     * read decodes only the evidence of the rows it shows (and, after an append, parses the tail), and the report
     * is the same, row for row, with the same counts and warnings.
     */
    private void status(long seed) throws IOException {
        Random random = new Random(seed);
        RandomTruce truce = new RandomTruce(random);
        Path folder = Files.createDirectories(dir.resolve("status-" + seed));
        String obligations = truce.obligations();
        Path file = Files.writeString(folder.resolve("obligations.yaml"), obligations, StandardCharsets.UTF_8);
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("(?m)^evidence_file: (.*)$").matcher(obligations);
        Path evidence = folder.resolve(named.find() ? named.group(1) : "evidence.yaml");
        Files.createDirectories(evidence.getParent());
        Files.writeString(evidence, truce.evidence(40), StandardCharsets.UTF_8);
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-09-01T12:00:00Z")
                .plus(java.time.Duration.ofDays(random.nextInt(700))), java.time.ZoneOffset.UTC);
        Integer[] windows = {null, 0, 7, 30, 120, 400};
        dev.truce.app.StatusFilter filter = new dev.truce.app.StatusFilter(windows[random.nextInt(windows.length)],
                random.nextBoolean(), null, null, null);
        dev.truce.app.StatusService plain = new dev.truce.app.Services(clock, java.util.Map.of("TRUCE_CACHE", "off"))
                .status();
        dev.truce.app.StatusService cached = new dev.truce.app.Services(clock, java.util.Map.of("TRUCE_CACHE", "always",
                "TRUCE_CACHE_DIR", folder.resolve("cache").toString())).status();
        dev.truce.app.FileRef ref = dev.truce.app.FileRef.of(file);
        for (String how : List.of("parsed, the entries written", "from the entries")) {
            dev.truce.app.StatusReport expected = plain.status(ref, dev.truce.app.AsOf.NOW, filter);
            assertEquals(expected, cached.status(ref, dev.truce.app.AsOf.NOW, filter), how);
        }
        Files.writeString(evidence, "\n" + truce.evidence(5), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(plain.status(ref, dev.truce.app.AsOf.NOW, filter), cached.status(ref, dev.truce.app.AsOf.NOW, filter),
                "from the entries and the appended tail");
        for (String id : RandomTruce.IDS.subList(0, 3)) {
            try {
                dev.truce.app.ObligationDetail shown = plain.show(ref, id, dev.truce.app.AsOf.NOW);
                assertEquals(shown, cached.show(ref, id, dev.truce.app.AsOf.NOW), "show " + id);
            } catch (dev.truce.domain.TruceException e) {
                assertTrue(e.getMessage().contains("no obligation"), e.getMessage());
            }
        }
    }

    /** One dynamic test a seed: the fixed seeds, or only the one {@code -Dtruce.seed} names. */
    private Stream<DynamicTest> trials(int count, SeededTrial trial) {
        String chosen = System.getProperty(SEED_PROPERTY);
        LongStream seeds = chosen == null || chosen.isBlank()
                ? LongStream.range(0, count).map(ParseCachePropertiesTest::seedOfTrial)
                : LongStream.of(Long.parseLong(chosen.strip()));
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, replayable(seed, trial)));
    }

    /** The trial's seed: the base seed and its number, mixed so neighbouring trials share no pattern. */
    private static long seedOfTrial(long number) {
        return new SplittableRandom(BASE_SEED + number).nextLong();
    }

    /** Runs a trial; a failure says which seed failed and how to run that seed alone. */
    private static Executable replayable(long seed, SeededTrial trial) {
        return () -> {
            try {
                trial.run(seed);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage()
                        + " (rerun this case alone: mvn -B test -Dtest=ParseCachePropertiesTest -D"
                        + SEED_PROPERTY + "=" + seed + ")", e);
            }
        };
    }

    @FunctionalInterface
    private interface SeededTrial {
        void run(long seed) throws Exception;
    }

    /** Writes valid files at random: every key, optional or not, Unicode, chains that move later. */
    static final class RandomTruce {
        static final List<String> IDS = List.of("o-0", "o-1", "o-2", "o-3", "o-4", "o-5", "o-6", "o-7");
        private static final String[] WORDS = {"tariff", "licence", "稀土", "商务部", "大豆", "rare earth", "Zölle",
            "🇨🇳 🇺🇸", "quote \" and \\ slash", "colon: here", "# hash", "line\nbreak", "tab\there", "émoji 🙂",
            "'single'", "- dash", "[brackets]", "{braces}", "null", "yes", "1.50", "2026-11-10"};
        private static final String[] ZONES = {"America/New_York", "Asia/Shanghai", "Europe/Brussels", "UTC"};
        private static final String[] KINDS = {"paused-tariff", "suspended-countermeasure", "export-control", "measure",
            "other"};
        private final Random random;

        RandomTruce(Random random) {
            this.random = random;
        }

        String obligations() {
            StringBuilder y = new StringBuilder("version: 1\ntruce:\n");
            y.append("  id: t-").append(random.nextInt(1000)).append('\n');
            y.append("  title: ").append(text()).append('\n');
            y.append("  parties: [US, CN]\n");
            if (random.nextBoolean()) {
                y.append("  announced: 2025-05-12\n");
            }
            y.append("  effective: 2025-05-14T00:01-04:00\n");
            y.append("  timezone: ").append(pick(ZONES)).append('\n');
            y.append("  days: ").append(150 + random.nextInt(300)).append('\n');
            y.append("  extensions:\n");
            int year = 2027;
            for (int i = 0; i < random.nextInt(3); i++) {
                y.append("    - until: ").append(year++).append("-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                        .append(random.nextBoolean() ? "T00:01-05:00" : "").append('\n');
                y.append("      source: ").append(text()).append('\n');
                if (random.nextBoolean()) {
                    y.append("      decided: 2026-0").append(1 + random.nextInt(9)).append("-0").append(1 + random.nextInt(9)).append('\n');
                }
                if (random.nextBoolean()) {
                    y.append("      note: ").append(text()).append('\n');
                }
            }
            y.append("  sources: [").append(text()).append(", ").append(text()).append("]\n");
            if (random.nextBoolean()) {
                y.append("  note: ").append(text()).append('\n');
            }
            if (random.nextBoolean()) {
                y.append("  outcome: {result: ").append(random.nextBoolean() ? "lapsed" : "ended")
                        .append(", decided: 2031-01-02, source: ").append(text()).append("}\n");
            }
            if (random.nextBoolean()) {
                y.append("alerts:\n  thresholds: [30, ").append(random.nextInt(20)).append(", 0]\n")
                        .append("  recipients: [desk@example.com, \"Other@Example.org\"]\n")
                        .append("  unresolved_every_days: ").append(1 + random.nextInt(30)).append('\n')
                        .append("  smtp: {host: smtp.example.com, port: 587, security: starttls, username: u, ")
                        .append("from: truce@example.com, password_file: secret.txt}\n")
                        .append("  schedule: \"0 0 7 ? * MON-FRI\"\n  zone: ").append(pick(ZONES)).append('\n');
            }
            if (random.nextBoolean()) {
                y.append("evidence_file: logs/evidence-").append(random.nextInt(9)).append(".yaml\n")
                        .append("stale_after_days: ").append(1 + random.nextInt(90)).append('\n')
                        .append("state: .state-").append(random.nextInt(9)).append('\n')
                        .append("daemon: {cluster: \"jdbc:postgresql://db/truce\"}\n")
                        .append("reviewed: 2026-1").append(random.nextInt(3)).append("-01\n")
                        .append("review_every_days: ").append(1 + random.nextInt(60)).append('\n');
            }
            y.append("obligations:\n");
            int count = 1 + random.nextInt(IDS.size());
            for (int i = 0; i < count; i++) {
                obligation(y, i);
            }
            return y.toString();
        }

        private void obligation(StringBuilder y, int i) {
            boolean purchase = random.nextInt(5) == 0;
            y.append("  - id: ").append(IDS.get(i)).append('\n');
            y.append("    title: ").append(text()).append('\n');
            y.append("    party: ").append(pick(new String[] {"US", "CN", "joint"})).append('\n');
            y.append("    kind: ").append(purchase ? "purchase" : pick(KINDS)).append('\n');
            if (random.nextBoolean()) {
                y.append("    effective: 2025-0").append(6 + random.nextInt(3)).append("-0").append(1 + random.nextInt(9)).append('\n');
            }
            int due = random.nextInt(3);
            if (due == 0) {
                y.append("    due: none\n");
                if (random.nextBoolean()) {
                    y.append("    outcome: {result: permanent, effective: 2026-03-01, source: ").append(text()).append("}\n");
                }
            } else if (due == 1) {
                y.append("    due: 2026-1").append(random.nextInt(3)).append("-1").append(random.nextInt(10)).append('\n');
                y.append("    extensions:\n");
                for (int e = 0; e < random.nextInt(3); e++) {
                    y.append("      - until: 202").append(7 + e).append("-02-0").append(1 + random.nextInt(9)).append('\n');
                    y.append("        source: ").append(text()).append('\n');
                }
                if (i > 0 && random.nextBoolean()) {
                    y.append("    outcome:\n      result: replaced\n      by: [").append(IDS.get(random.nextInt(i)))
                            .append("]\n      decided: 2026-12-01\n      source: ").append(text()).append('\n');
                }
            }
            if (random.nextBoolean()) {
                y.append("    owner: ").append(pick(new String[] {"Ana Lima <ana@example.com>", "desk@example.com",
                    "\"李明\""})).append('\n');
            }
            if (random.nextBoolean()) {
                y.append("    recipients: [a@example.com, b@example.org]\n");
            }
            if (random.nextBoolean()) {
                y.append("    hts: [\"9903.01.63\", \"8505.11.0070\"]\n");
            }
            y.append("    sources: [").append(text()).append("]\n");
            if (i > 0 && random.nextBoolean()) {
                y.append("    depends_on: [").append(IDS.get(random.nextInt(i))).append("]\n");
            }
            if (random.nextBoolean()) {
                y.append("    note: ").append(text()).append('\n');
            }
            if (purchase) {
                y.append("    target: {amount: ").append(random.nextInt(30) + 1).append(".5, unit: MMT}\n");
            }
            if (random.nextBoolean()) {
                y.append("    covers: [").append(random.nextBoolean() ? "all" : "\"8505.11\", \"2846.90\"").append("]\n");
                y.append("    duty: {market: ").append(random.nextBoolean() ? "US" : "CN").append(", kept: 10, lapsed: ")
                        .append(random.nextInt(100)).append(".25}\n");
            }
        }

        String evidence(int entries) {
            StringBuilder y = new StringBuilder("# a log\n");
            for (int i = 0; i < entries; i++) {
                y.append("- obligation: ").append(pick(IDS.toArray(String[]::new))).append('\n');
                y.append("  date: 2025-").append(10 + random.nextInt(3)).append("-1").append(random.nextInt(10))
                        .append(random.nextBoolean() ? "T09:30+08:00" : "").append('\n');
                y.append("  stance: ").append(pick(new String[] {"complies", "breaches", "partial", "unclear"})).append('\n');
                y.append("  claimant: ").append(pick(new String[] {"US", "CN", "商务部", "EU Chamber"})).append('\n');
                y.append("  basis: ").append(pick(new String[] {"act", "data", "statement", "report"})).append('\n');
                y.append("  source: ").append(text()).append('\n');
                if (random.nextBoolean()) {
                    y.append("  url: https://example.com/").append(random.nextInt(99)).append('\n');
                }
                if (random.nextBoolean()) {
                    y.append("  note: ").append(text()).append('\n');
                }
                if (random.nextBoolean()) {
                    y.append("  recorded: 2026-11-2").append(random.nextInt(9)).append("T10:00:0").append(random.nextInt(9))
                            .append("Z\n  recorded_by: \"").append(pick(new String[] {"ana", "李明"})).append("\"\n");
                }
            }
            return y.toString();
        }

        private String text() {
            List<String> words = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(4); i++) {
                words.add(pick(WORDS));
            }
            return quoted(String.join(" ", words));
        }

        /** A YAML double-quoted scalar. */
        private static String quoted(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
            return out.append('"').toString();
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }
    }
}
