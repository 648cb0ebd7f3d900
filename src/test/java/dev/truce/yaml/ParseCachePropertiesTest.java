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
import java.util.List;
import java.util.Random;
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
        assertEquals(plain.readAll(file, binding), cached.readAll(file, binding));
        assertEquals(plain.readAll(file, binding), cached.readAll(file, binding));
        Files.writeString(file, "\n" + random.evidence(3), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<Evidence> whole = plain.readAll(file, binding);
        assertEquals(whole, cached.readAll(file, binding), "the cached prefix and the parsed tail");
        assertEquals(23, whole.size());
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
