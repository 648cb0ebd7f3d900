package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.output.listing.TextTable;
import dev.truce.testing.HtsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** `truce exposure` with the shipped obligations and the trimmed 2026 Revision 10 imported, as a new user would. */
class ExposureScheduleTest {
    private static final String NOT_COUNTED = "Not counted: AD/CVD";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void imported() {
        TestFiles.copyShipped(dir);
        cli = new CliRunner(dir).at("2026-12-07T14:00:00Z");
        CliRunner.Result r = cli.run("hts", "import", HtsFixture.path(HtsFixture.REVISION_10_2026).toString(),
                "--effective", "2026-06-08");
        assertEquals(0, r.exitCode(), r::toString);
    }

    private CliRunner.Result exposure(String csv, String... more) throws Exception {
        Files.writeString(dir.resolve("products.csv"), csv);
        String[] args = new String[more.length + 3];
        args[0] = "exposure";
        args[1] = "--products";
        args[2] = "products.csv";
        System.arraycopy(more, 0, args, 3, more.length);
        return cli.run(args);
    }

    @Test
    void processorsOfChinaPayMfnSection301AndTheForcedLabourDutyInLayers() throws Exception {
        CliRunner.Result r = exposure("hts,market,value,description\n8542.31.00,US,1000000,CPUs\n");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().contains("""
                8542.31.00 · US from CN · value 1,000,000 · CPUs
                  landed now     62.5 = 0 MFN + 50 301 + 12.5 truce · 625,000 a year
                  layers         MFN 0 (8542.31.00 general rate 'Free', 2026 Revision 10)
                                 301 50 (9903.91.05)
                                 truce 12.5: us-section301-forced-labor (9903.05.31, 9903.05.43)
                                 (4 more covering obligations add nothing now)
                """), r::toString);
        JsonNode json = new ObjectMapper().readTree(exposure("hts,market,value,description\n8542.31.00,US,1000000,CPUs\n",
                "--format", "json").out());
        JsonNode cpus = json.get("products").get(0);
        assertEquals(12.5, cpus.get("duty_now").asDouble(), "duty_now keeps its meaning: the truce layer");
        assertEquals(62.5, cpus.get("landed_now").asDouble());
        assertEquals("schedule", cpus.get("base").asString());
        assertEquals("2026 Revision 10", json.get("schedule").get("revision").asString());
        assertEquals("2026-06-08", json.get("schedule").get("effective").asString());
        assertEquals(List.of("base MFN 0", "section-301 301 50", "truce us-reciprocal-suspension 0",
                "truce us-april-increases-removed 0", "truce us-fentanyl-tariff-cut 0", "truce us-section122-surcharge 0",
                "truce us-section301-forced-labor 12.5"), java.util.stream.StreamSupport.stream(
                cpus.get("layers").spliterator(), false).map(l -> l.get("layer").asString() + " " + l.get("name").asString()
                + " " + l.get("rate").asString()).toList());
    }

    @Test
    void deadlinesAheadSayTheirDirectionInWords() throws Exception {
        CliRunner.Result r = exposure("hts,market,value,description,base_duty\n8542.31.00,US,1000000,CPUs,\n"
                + "1201.90,CN,12000000,Soybeans,3\n", "--as-of", "2026-03-01");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("  ahead          2026-07-24 00:01 EDT us-section122-surcharge: if it runs out (the "
                + "measure ends):\n                 -100,000 a year; landed then 62.5, with the other changes due by then"),
                r::toString);
        assertTrue(r.out().contains("  ahead          2026-11-10 00:01 EST cn-reciprocal-suspension: if it lapses (the "
                + "suspension ends):\n                 +2,880,000 a year; landed then 37\n"), r::toString);
    }

    @Test
    void anAsOfBeforeTheRevisionsDayWarns() throws Exception {
        CliRunner.Result before = exposure("hts,market,value,description\n8542.31.00,US,1,CPUs\n", "--as-of", "2025-06-01");
        assertEquals(0, before.exitCode(), before::toString);
        assertEquals("warning: as of 2025-06-01, before 2026 Revision 10 took effect (2026-06-08): its base and Section "
                + "301 rates are shown, and the rates in force then may differ (import the revision of that day)\n",
                before.err());
        JsonNode json = new ObjectMapper().readTree(exposure("hts,market,value,description\n8542.31.00,US,1,CPUs\n",
                "--as-of", "2025-06-01", "--format", "json").out());
        assertEquals(1, json.get("warnings").size());
        assertEquals("", exposure("hts,market,value,description\n8542.31.00,US,1,CPUs\n", "--as-of", "2026-06-08").err());
    }

    @Test
    void codesTheScheduleCannotPriceAreErrorsAtTheirLineAllAtOnce() throws Exception {
        CliRunner.Result r = exposure("""
                hts,market,value,description,base_duty
                8542.31.00,US,1,fine,
                8506.12,US,1,not in this export,
                2846.90,US,1,lines that disagree,
                2846.90,US,1,priced by the broker,3.7
                9903.88.03,US,1,a chapter-99 heading is not goods,
                1201.90,CN,1,the US schedule is for market US only,
                """);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(List.of(
                "truce exposure: products.csv:3: hts: '8506.12' is not in the schedule (2026 Revision 10): check the code, or give "
                        + "base_duty for it",
                "truce exposure: products.csv:4: hts: '2846.90' has 8-digit lines with different duties in 2026 Revision 10 (2846.90.20 "
                        + "Free; 2846.90.40.00 Free; 2846.90.80 3.7%): give 8 digits",
                "truce exposure: products.csv:6: hts: '9903.88.03' is not in the schedule (2026 Revision 10): check the code, or give "
                        + "base_duty for it"), r.err().lines().toList());
    }

    @Test
    void twentyProductsWithLongDescriptionsFitAHundredColumnsAndMarketsAreNeverAdded() throws Exception {
        StringBuilder csv = new StringBuilder("hts,market,value,description,base_duty,origin\n");
        String[] codes = {"8542.31.00", "8505.11.0070", "8507.60.00.90", "9403.60.80", "2846.90.80"};
        for (int i = 0; i < 20; i++) {
            boolean china = i % 4 == 3;
            csv.append(china ? "1201.90,CN," : codes[i % codes.length] + ",US,").append(1000 * (i + 1)).append(",\"")
                    .append("A very long description of product ").append(i).append(", ").append("with details ".repeat(12))
                    .append(i % 5 == 0 ? "钕铁硼永磁体，烧结，" + "稀土".repeat(20) : "").append("\",")
                    .append(china ? "3" : "").append(',').append(i % 6 == 1 ? "HK" : "").append('\n');
        }
        for (String day : List.of("2025-06-01", "2026-03-01", "2026-12-07")) {
            CliRunner.Result r = exposure(csv.toString(), "--as-of", day);
            assertEquals(0, r.exitCode(), r::toString);
            r.out().lines().forEach(l -> assertTrue(TextTable.width(l) <= 100, () -> TextTable.width(l) + ": " + l));
            List<String> totals = r.out().lines().dropWhile(l -> !l.startsWith("Totals per market")).toList();
            assertTrue(totals.get(1).startsWith("  into US        15 products · value 150,000 · landed "), totals::toString);
            assertTrue(totals.stream().anyMatch(l -> l.startsWith("  into CN        5 products · value 60,000 · landed ")),
                    totals::toString);
            assertFalse(r.out().contains("210,000"), "the markets' values are never added up");
        }
    }

    @Test
    void whatIsNotCountedIsSaidOnEveryOutput() throws Exception {
        String csv = "hts,market,value,description\n3505.20.00.00,US,1000,glue\n";
        for (String format : List.of("table", "markdown")) {
            CliRunner.Result r = exposure(csv, "--format", format);
            assertTrue(r.out().contains(NOT_COUNTED), format);
            assertTrue(r.out().contains("the specific part of the general rate of 3505.20.00.00: 2.1¢/kg"), format);
        }
        assertTrue(exposure(csv, "--wide").out().contains(NOT_COUNTED));
        JsonNode json = new ObjectMapper().readTree(exposure(csv, "--format", "json").out());
        assertTrue(json.get("not_counted").get(0).asString().startsWith("AD/CVD"));
        assertEquals("the specific part of the general rate of 3505.20.00.00: 2.1¢/kg",
                json.get("products").get(0).get("not_counted").get(0).asString());
        String lastRow = exposure(csv, "--format", "csv").out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(lastRow.startsWith("note,,,,\"Schedule for imports into US: 2026 Revision 10") && lastRow.contains(NOT_COUNTED),
                lastRow);
        CliRunner.Result report = cli.run("report", "--products", "products.csv", "-o", "briefing.html");
        assertEquals(0, report.exitCode(), report::toString);
        assertTrue(Files.readString(dir.resolve("briefing.html")).contains(NOT_COUNTED));
    }

    @Test
    void theIndexIsUsedWhileTheExportIsUnchangedAndRebuiltWhenItsChecksumDiffers() throws Exception {
        Path index = dir.resolve(".truce/hts-index.bin");
        byte[] built = Files.readAllBytes(index);
        Files.setLastModifiedTime(index, java.nio.file.attribute.FileTime.fromMillis(0));
        String csv = "hts,market,value,description\n8505.11.0070,US,1,magnets\n";
        assertEquals(0, exposure(csv).exitCode());
        assertEquals(0, Files.getLastModifiedTime(index).toMillis(), "the same export: the index is read, not written");
        Files.copy(HtsFixture.path(HtsFixture.BASIC_2025), dir.resolve("hts-2026-rev10-subset.json"),
                StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result other = exposure(csv, "--format", "json");
        assertEquals(0, other.exitCode(), other::toString);
        JsonNode magnets = new ObjectMapper().readTree(other.out()).get("products").get(0);
        assertEquals(14.6, magnets.get("landed_now").asDouble(), 1e-9,
                "2.1 MFN + 12.5 truce: the 2025 Basic Edition has no 301 heading on magnets; its rows, not the old index's");
        assertEquals(List.of("base", "truce", "truce", "truce", "truce", "truce"), java.util.stream.StreamSupport.stream(
                magnets.get("layers").spliterator(), false).map(l -> l.get("layer").asString()).toList());
        assertFalse(java.util.Arrays.equals(built, Files.readAllBytes(index)), "rebuilt for the new checksum");
        Files.copy(HtsFixture.path(HtsFixture.REVISION_10_2026), dir.resolve("hts-2026-rev10-subset.json"),
                StandardCopyOption.REPLACE_EXISTING);
        byte[] damaged = Files.readAllBytes(index);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(index, damaged);
        assertEquals(0, exposure(csv).exitCode());
        assertEquals(0, exposure(csv).exitCode());
        assertArrayEquals(built, Files.readAllBytes(index), "a damaged or stale index is never read: parsed again");
    }
}
