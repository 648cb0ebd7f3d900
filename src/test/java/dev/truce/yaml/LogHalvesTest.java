package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truce.domain.Evidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long log is parsed in two halves at once; what the reader hands on and reports is exactly what reading the
 * whole file on one thread gives: the same entries in the same order, each once, the same problems at the same
 * lines, the same warnings of dates after today at the same file:line, whatever lies across the cut.
 */
class LogHalvesTest {
    private static final EvidenceBinding BINDING = new EvidenceBinding("evidence.yaml",
            ParseCachePropertiesTest.RandomTruce.IDS, "obligations.yaml");
    private static final Instant END_OF_TODAY = Instant.parse("2025-11-01T04:00:00Z");

    @TempDir
    Path dir;

    /** Reads in halves from any size: every test file here is cut. */
    private static final EntryFileReader IN_HALVES = new EntryFileReader(1 << 24).halvesFrom(0);
    private static final EntryFileReader WHOLE = new EntryFileReader(1 << 24).halvesFrom(Long.MAX_VALUE);

    @TestFactory
    Stream<DynamicTest> randomLogsReadTheSameInHalvesAsWhole() {
        return IntStream.range(0, 40).mapToObj(trial -> DynamicTest.dynamicTest("seed " + (7_000 + trial), () -> {
            Random random = new Random(7_000 + trial);
            String log = new ParseCachePropertiesTest.RandomTruce(random).evidence(10 + random.nextInt(60));
            if (random.nextInt(3) == 0) {
                log = damaged(log, random); // a broken line somewhere: before, at or after the cut
            }
            if (random.nextInt(4) == 0) {
                log = log.replace("\n", "\r\n");
            }
            assertSameReads(log);
        }));
    }

    @Test
    void aQuotedValueAcrossTheCutIsReadAsOneValue() throws IOException {
        // a double-quoted source whose folded lines start with "- " at column 0, the first of them at the middle
        String before = entries(0, 40) + "- obligation: o-1\n  date: 2025-10-10\n  stance: breaches\n  claimant: CN\n"
                + "  basis: act\n  source: \"a quote\n";
        String after = "- obligation: o-2\n- that goes on\"\n" + entries(40, 70);
        String padding = "#".repeat(before.length() - after.length() - 1) + "\n";
        String log = before + after + padding;
        assertEquals(2 * before.length(), log.length(), "the middle of the file is where the quote goes on");
        List<Evidence> whole = assertSameReads(log);
        assertEquals(71, whole.size());
        assertTrue(whole.get(40).source().contains("- obligation: o-2 - that goes on"), whole.get(40).source());
    }

    @Test
    void anAliasAfterTheCutToAnAnchorBeforeItResolves() throws IOException {
        String log = "- obligation: o-1\n  date: 2025-10-10\n  stance: breaches\n  claimant: CN\n  basis: act\n"
                + "  source: &src \"Reuters\"\n" + entries(0, 60)
                + "- obligation: o-2\n  date: 2025-10-11\n  stance: complies\n  claimant: US\n  basis: act\n"
                + "  source: *src\n";
        List<Evidence> whole = assertSameReads(log);
        assertEquals("Reuters", whole.get(whole.size() - 1).source());
    }

    @Test
    void aBrokenEntryAfterTheCutIsReportedOnceAndNoEntryIsHandedOnTwice() throws IOException {
        String log = entries(0, 40) + "- obligation: o-3\n  date: 2025-13-40\n  stance: complies\n  claimant: US\n"
                + "  basis: act\n  source: \"x\"\n" + entries(40, 80);
        Path file = write(log);
        List<Evidence> entries = new ArrayList<>();
        EntryFileReader.Read read = IN_HALVES.read(file, BINDING, entries::add);
        assertEquals(WHOLE.read(file, BINDING, e -> { }), read);
        assertEquals(80, entries.size(), "each entry read whole, once");
        assertEquals(80L, entries.stream().map(Evidence::source).distinct().count(), "no entry twice");
        assertEquals(1, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).render().startsWith("evidence.yaml:" + (40 * 6 + 2) + ":"),
                read.problems().get(0).render());
    }

    @Test
    void aDateAfterTodayInTheSecondHalfIsPlacedAtItsLineOfTheFile() throws IOException {
        String log = entries(0, 60).replace("\n", "\r\n") + "- obligation: o-3\r\n  date: 2026-10-10\r\n"
                + "  stance: complies\r\n  claimant: US\r\n  basis: act\r\n  source: \"late\"\r\n";
        Path file = write(log);
        EntryFileReader.Read halves = IN_HALVES.read(file, BINDING, e -> { });
        EntryFileReader.Read whole = WHOLE.read(file, BINDING, e -> { });
        List<String> warnings = halves.datedAfter("evidence.yaml", END_OF_TODAY, ZoneId.of("UTC"));
        assertEquals(whole.datedAfter("evidence.yaml", END_OF_TODAY, ZoneId.of("UTC")), warnings);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("evidence.yaml:" + (60 * 6 + 2) + ":9: [60].date: "), warnings.get(0));
    }

    @Test
    void theSecondHalfIsReadOnAnotherThread() throws IOException {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: a log is read whole on one thread");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Path file = write(entries(0, 200));
        List<Evidence> entries = new ArrayList<>();
        IN_HALVES.read(file, new Watching(BINDING, threads), entries::add);
        assertEquals(WHOLE.readAll(file, BINDING), entries);
        assertEquals(2, threads.size(), "threads that bound entries: " + threads);
        threads.clear();
        WHOLE.read(file, new Watching(BINDING, threads), e -> { });
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void aLogWhoseItemsAreIndentedIsReadWhole() {
        assertFalse(LogHalves.itemsAtColumnZero("# a log\n  - obligation: o-1\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(LogHalves.itemsAtColumnZero("[{obligation: o-1}]\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(LogHalves.itemsAtColumnZero("\uFEFF# a log\n\n---\n- obligation: o-1\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(LogHalves.itemsAtColumnZero("-\n  obligation: o-1\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCutIsMadeOnlyWhereALineStartsAnItem() {
        byte[] window = "e: x\n-5\n---\n  - a\n- b\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("e: x\n-5\n---\n  - a\n".length(), LogHalves.itemStart(window));
        assertEquals(-1, LogHalves.itemStart("- a\n  - b\n-1\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void linesAreCountedAsTheParserCountsThem() throws IOException {
        assertEquals(4, LogHalves.lineBreaks(stream("a\nb\r\nc\rd\n")));
        assertEquals(1, LogHalves.lineBreaks(stream("a\r")));
        assertEquals(0, LogHalves.lineBreaks(stream("a \u2028 b \u0085")), "YAML 1.2 has two line breaks only");
        byte[] long_ = "x\r\n".repeat(40_000).getBytes(StandardCharsets.UTF_8); // "\r\n" across buffers
        assertEquals(40_000, LogHalves.lineBreaks(new ByteArrayInputStream(long_)));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Reads {@code log} in halves and whole, asserts the same, and returns the entries. */
    private List<Evidence> assertSameReads(String log) throws IOException {
        Path file = write(log);
        List<Evidence> halves = new ArrayList<>();
        List<Evidence> whole = new ArrayList<>();
        EntryFileReader.Read inHalves = IN_HALVES.read(file, BINDING, halves::add);
        EntryFileReader.Read read = WHOLE.read(file, BINDING, whole::add);
        assertEquals(whole, halves, "the entries, in file order");
        assertEquals(read, inHalves, "what the read found");
        assertEquals(read.datedAfter("evidence.yaml", END_OF_TODAY, ZoneId.of("UTC")),
                inHalves.datedAfter("evidence.yaml", END_OF_TODAY, ZoneId.of("UTC")));
        List<Evidence> some = new ArrayList<>();
        assertEquals(read, IN_HALVES.read(file, BINDING, Set.of("o-1", "o-3"), some::add), "a read for two obligations");
        assertEquals(whole.stream().filter(e -> Set.of("o-1", "o-3").contains(e.obligation())).toList(), some);
        List<Evidence> fromMemory = new ArrayList<>();
        assertEquals(read, IN_HALVES.read(Files.readAllBytes(file), BINDING, fromMemory::add), "a version in memory");
        assertEquals(whole, fromMemory);
        return whole;
    }

    private Path write(String log) throws IOException {
        Path file = Files.createTempFile(dir, "evidence", ".yaml");
        Files.writeString(file, log, StandardCharsets.UTF_8);
        return file;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String entries(int from, int to) {
        StringBuilder log = new StringBuilder();
        for (int i = from; i < to; i++) {
            log.append(entry(i));
        }
        return log.toString();
    }

    /** Six lines, dated before today. */
    private static String entry(int i) {
        return "- obligation: o-" + (i % 8) + "\n  date: 2025-10-" + (10 + i % 18) + "\n  stance: complies\n"
                + "  claimant: US\n  basis: act\n  source: \"notice " + i + "\"\n";
    }

    /** One line replaced with something that breaks its entry or the file. */
    private static String damaged(String log, Random random) {
        String[] lines = log.split("\n", -1);
        int at = 1 + random.nextInt(lines.length - 2);
        String[] breakages = {"  date: not a date", "  stance: [unclosed", "  source: \"unclosed", "\tdate: tab",
            "  note: &a x", "- obligation: *missing", "---", "  unknown_key: 1"};
        lines[at] = breakages[random.nextInt(breakages.length)];
        return String.join("\n", lines);
    }

    /** A binding that notes which threads bind entries. */
    private static final class Watching extends DelegatingEvidenceBinding {
        private final Set<String> threads;

        Watching(EvidenceBinding real, Set<String> threads) {
            super(real, ParseCachePropertiesTest.RandomTruce.IDS);
            this.threads = threads;
        }

        @Override
        protected EntryBinding<Evidence> forAnotherThread() {
            return new Watching((EvidenceBinding) real.forAnotherThread(), threads);
        }

        @Override
        public Evidence bind(YamlNode item, String path, List<Problem> problems) {
            threads.add(Thread.currentThread().getName());
            return real.bind(item, path, problems);
        }
    }
}
