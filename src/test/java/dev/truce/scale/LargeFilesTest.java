package dev.truce.scale;

import dev.truce.config.ReadSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import dev.truce.domain.TruceException;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.config.TruceFile;
import dev.truce.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correctness at scale (issue 7): large generated files load and say the same as their parts,
 * and the file-size limits behave. Timings live in scripts/bench, not here.
 */
@Tag("slow")
class LargeFilesTest {
    private static final int OBLIGATIONS = 10_000;
    private static final int EVIDENCE_PER_OBLIGATION = 10;
    private static final long THREE_MB = 3L * 1024 * 1024;
    private static final GeneratedTruce GENERATED = new GeneratedTruce(42);

    @TempDir
    static Path dir;

    /** As of the generator's start day: due dates run from today to a year ahead. */
    private static CliRunner cli() {
        return new CliRunner(dir).at("2026-11-26T17:00:00Z");
    }

    @BeforeAll
    static void writeTheWholeAndItsParts() {
        GENERATED.write(dir.resolve("all"), 1, OBLIGATIONS, EVIDENCE_PER_OBLIGATION);
        for (int part = 0; part < OBLIGATIONS / GeneratedTruce.BLOCK; part++) {
            GENERATED.write(dir.resolve("part-" + part), part * GeneratedTruce.BLOCK + 1,
                    (part + 1) * GeneratedTruce.BLOCK, EVIDENCE_PER_OBLIGATION);
        }
    }

    @Test
    void tenThousandObligationsAndTheirHundredThousandEvidenceEntriesValidate() throws IOException {
        assertTrue(Files.size(dir.resolve("all/evidence.yaml")) > THREE_MB, "evidence.yaml is over 3 MB too");

        CliRunner.Result result = cli().run("-f", "all/obligations.yaml", "validate");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("OK: 10000 obligations, 100000 evidence entries (all/evidence.yaml), truce ends 2027-11-01\n", result.out(), result::toString);
    }

    @Test
    void theStatusOfTheWholeIsTheStatusOfItsPartsTogether() {
        List<String> whole = csvRows("all", "status");
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < OBLIGATIONS / GeneratedTruce.BLOCK; part++) {
            parts.addAll(csvRows("part-" + part, "status"));
        }

        assertEquals(OBLIGATIONS, whole.size());
        assertEquals(sorted(parts), sorted(whole));
        assertSoonestFirst(whole);
    }

    @Test
    void dueWithinThirtyDaysOfTheWholeIsTheSameAsOfItsPartsTogether() {
        List<String> whole = csvRows("all", "status", "--within", "30");
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < OBLIGATIONS / GeneratedTruce.BLOCK; part++) {
            parts.addAll(csvRows("part-" + part, "status", "--within", "30"));
        }

        // about a twelfth of a year of due dates
        assertTrue(whole.size() > OBLIGATIONS / 20 && whole.size() < OBLIGATIONS / 8, "rows: " + whole.size());
        assertEquals(sorted(parts), sorted(whole));
        assertSoonestFirst(whole);
    }

    @Test
    void theTableCountsTheWholeFile() {
        CliRunner.Result result = cli().run("-f", "all/obligations.yaml", "status", "--within", "30");
        int shown = csvRows("all", "status", "--within", "30").size();

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains(" · " + shown + " of 10000 obligations\n"), result::toString);
        assertEquals(shown, result.out().lines().filter(line -> line.matches("^[a-z]+-[a-z]+-\\d{6} .*")).count());
    }

    @Test
    void aMistakeDeepInALargeFileIsReportedAtItsLineAndColumn() throws IOException {
        int broken = 9_876;
        String text = GENERATED.obligations(1, OBLIGATIONS);
        int at = text.indexOf("  - id: " + GENERATED.id(broken) + "\n");
        int kindAt = text.indexOf("    kind: ", at) + "    kind: ".length();
        int line = (int) text.substring(0, kindAt).chars().filter(c -> c == '\n').count() + 1;
        String wrong = text.substring(0, kindAt) + "tarif" + text.substring(text.indexOf('\n', kindAt));
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/obligations.yaml"), wrong, StandardCharsets.UTF_8);

        CliRunner.Result result = cli().run("-f", "broken/obligations.yaml", "validate");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("truce validate: broken/obligations.yaml:" + line + ":11: obligations[" + (broken - 1) + "] (" + GENERATED.id(broken) + ").kind: 'tarif' is not a kind",
                result.err().lines().findFirst().orElseThrow().replaceAll(" \\(expected.*", ""), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void aFileOverSnakeYamlsDefaultThreeMegabytesLoads() throws IOException {
        Path big = GENERATED.write(dir.resolve("over-3mb"), 1, 16_000, 1);
        assertTrue(Files.size(big) > THREE_MB, "the generated file must be over 3 MB, is " + Files.size(big));

        CliRunner.Result result = cli().run("-f", "over-3mb/obligations.yaml", "validate");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("OK: 16000 obligations"), result::toString);
    }

    @Test
    void aFileExactlyAtTheLimitLoadsAndOneByteMoreIsRefusedInOneLine() throws IOException {
        Path file = dir.resolve("all/obligations.yaml");
        long size = Files.size(file);

        assertEquals(OBLIGATIONS, new ObligationsFileReader(size).read(file, "all/obligations.yaml").register().obligations().size());
        TruceException refused = assertThrows(TruceException.class,
                () -> new ObligationsFileReader(size - 1).read(file, "all/obligations.yaml"));
        assertEquals(TruceException.Cause.BAD_INPUT, refused.kind());
        assertEquals(1, refused.lines().size(), refused.lines()::toString);
        assertTrue(refused.lines().get(0).startsWith("all/obligations.yaml: the file is "), refused.lines()::toString);
    }

    @Test
    void aFileOverTheMaximumSetInTheEnvironmentIsOneClearLineAndExitTwo() throws IOException {
        Path big = GENERATED.write(dir.resolve("over-limit"), 1, 16_000, 1);
        long megabytes = (Files.size(big) + (1 << 20) - 1) >> 20;

        CliRunner.Result result = cli().env(Map.of(ReadSettings.MAX_SIZE_VARIABLE, "1"))
                .run("-f", "over-limit/obligations.yaml", "validate");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("truce validate: over-limit/obligations.yaml: the file is " + megabytes
                + " MB, more than the 1 MB limit (set $TRUCE_MAX_FILE_MB to raise it)\n", result.err(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void aMaximumThatIsNotANumberIsOneClearLineAndExitTwo() {
        CliRunner.Result result = cli().env(Map.of(ReadSettings.MAX_SIZE_VARIABLE, "lots"))
                .run("-f", "part-0/obligations.yaml", "validate");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("truce validate: $TRUCE_MAX_FILE_MB: 'lots' is not a whole number of megabytes\n", result.err(), result::toString);
    }

    @Test
    void theParseCacheGivesBackExactlyWhatParsingTheLargeFileGives() throws IOException {
        Path file = dir.resolve("all/obligations.yaml");
        Path cache = dir.resolve("cache");
        TruceFile parsed = new ObligationsFileReader(Long.MAX_VALUE).read(file, "all/obligations.yaml");

        TruceFile stored = new ObligationsFileReader(Long.MAX_VALUE, dev.truce.yaml.ParseCache.in(cache)).read(file, "all/obligations.yaml");
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "one cache entry written");
        }
        TruceFile loaded = new ObligationsFileReader(Long.MAX_VALUE, dev.truce.yaml.ParseCache.in(cache)).read(file, "all/obligations.yaml");

        assertEquals(parsed, stored);
        assertEquals(parsed, loaded);
    }

    private static List<String> csvRows(String part, String... command) {
        List<String> args = new ArrayList<>(List.of("-f", part + "/obligations.yaml"));
        args.addAll(Arrays.asList(command));
        args.addAll(List.of("--format", "csv"));
        CliRunner.Result result = cli().run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().collect(Collectors.toList());
        assertTrue(lines.get(0).startsWith("id,party,kind,due,"), lines.get(0));
        return lines.subList(1, lines.size());
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    /** Rows come soonest deadline first, open-ended ones last, ties by id. */
    private static void assertSoonestFirst(List<String> rows) {
        for (int i = 1; i < rows.size(); i++) {
            String[] before = rows.get(i - 1).split(",", 5);
            String[] after = rows.get(i).split(",", 5);
            int byDue = compareDue(before[3], after[3]);
            assertTrue(byDue < 0 || byDue == 0 && before[0].compareTo(after[0]) < 0,
                    "out of order at row " + i + ":\n" + rows.get(i - 1) + "\n" + rows.get(i));
        }
    }

    private static int compareDue(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
    }
}
