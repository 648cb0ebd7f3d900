package dev.truce.hts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.TruceException;
import dev.truce.domain.tariff.CodeLookup;
import dev.truce.domain.tariff.TariffLine;
import dev.truce.domain.tariff.TariffSchedule;
import dev.truce.testing.HtsFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the export: the trimmed 2026 Revision 10, plain and gzipped, and broken files with their messages. */
class HtsExportReaderTest {
    private static final String EXPECTED = "(expected the USITC HTS export (hts.usitc.gov, Export, JSON): an array of"
            + " records with htsno, indent, description, general and footnotes)";

    @TempDir
    Path dir;

    private static byte[] fixture() throws IOException {
        return Files.readAllBytes(HtsFixture.path(HtsFixture.REVISION_10_2026));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static String problem(String label, String json) {
        return problem(new HtsExportReader(), label, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(HtsExportReader reader, String label, byte[] bytes) {
        TruceException e = assertThrows(TruceException.class, () -> reader.read(label, bytes));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        return e.getMessage();
    }

    private static String base(TariffSchedule schedule, String code) {
        return assertInstanceOf(CodeLookup.Found.class, schedule.lookup(code)).line().base().text();
    }

    @Test
    void readsThePlainFixtureWithTheSha256OfItsBytes() throws IOException {
        TariffSchedule schedule = new HtsExportReader().read(HtsFixture.path(HtsFixture.REVISION_10_2026));
        assertEquals(503, schedule.size());
        assertEquals("2026 Revision 10", schedule.revision().name());
        assertEquals("e5da2ce4a9583672490f09500a4a1c33675024075a098cb6122713d5149941e3", schedule.revision().sha256());
        assertEquals("3.4%", base(schedule, "8507.60.00"));
    }

    @Test
    void readsTheSameRecordsGzippedAndNamesTheRevisionAfterTheArchiveName() throws IOException {
        Path gz = dir.resolve("hts_2026_rev_10.json.gz");
        Files.write(gz, gzip(fixture()));
        TariffSchedule plain = HtsFixture.revision10();
        TariffSchedule packed = new HtsExportReader().read(gz);
        assertEquals(plain.size(), packed.size());
        assertEquals("2026 Revision 10", packed.revision().name());
        assertNotEquals(plain.revision().sha256(), packed.revision().sha256(), "the checksum is of the bytes as stored");
        for (String code : new String[] {"8505.11.00.70", "8542.31", "9403.60", "2805.30", "1201.90.00.10"}) {
            TariffLine a = ((CodeLookup.Found) plain.lookup(code)).line();
            TariffLine b = ((CodeLookup.Found) packed.lookup(code)).line();
            assertEquals(a, b, code);
        }
    }

    @Test
    void aGzipIsKnownByItsBytesNotItsName() throws IOException {
        Path misnamed = dir.resolve("hts_2026_revision_10_json.json");
        Files.write(misnamed, gzip(fixture()));
        assertEquals("2.1%", base(new HtsExportReader().read(misnamed), "8505.11"));
    }

    @Test
    void aMalformedFileIsReportedAtItsLineAndColumn() {
        String json = "[ {\n  \"htsno\" : \"8505.11.00\",\n  \"indent\" : \"2\"\n  \"general\" : \"2.1%\"\n} ]";
        assertEquals("broken.json:4:3: not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to"
                + " separate Object entries", problem("broken.json", json));
    }

    @Test
    void aRecordWithoutHtsnoIsReportedAtTheRecordsStart() {
        String json = "[ {\n  \"htsno\" : \"8505\",\n  \"indent\" : \"0\"\n}, {\n  \"indent\" : \"1\",\n"
                + "  \"description\" : \"Permanent magnets\"\n} ]";
        assertEquals("hts.json:4:4: record 2 has no \"htsno\" " + EXPECTED, problem("hts.json", json));
    }

    @Test
    void aRecordWithoutIndentIsRefused() {
        assertEquals("hts.json:1:2: record 1 (8505) has no \"indent\" " + EXPECTED,
                problem("hts.json", "[{\"htsno\": \"8505\", \"general\": \"\"}]"));
    }

    @Test
    void anIndentThatIsNotAWholeNumberNamesTheRecord() {
        assertEquals("hts.json:1:36: record 1 (8505.11.00): \"indent\": expected a whole number such as \"2\", found text",
                problem("hts.json", "[{\"htsno\": \"8505.11.00\", \"indent\": \"two\"}]"));
    }

    @Test
    void aFieldOfTheWrongTypeNamesTheRecordAndTheField() {
        assertEquals("hts.json:1:52: record 1 (8505.11.00): \"general\": expected text, found a number",
                problem("hts.json", "[{\"htsno\": \"8505.11.00\", \"indent\": \"2\", \"general\": 2.1}]"));
    }

    @Test
    void anObjectInsteadOfTheArrayIsNotAnExport() {
        assertEquals("hts.json:1:1: found an object " + EXPECTED, problem("hts.json", "{\"htsno\": \"8505\"}"));
    }

    @Test
    void anEmptyFileSaysSo() {
        assertEquals("hts.json: the file is empty " + EXPECTED, problem("hts.json", ""));
    }

    @Test
    void contentAfterTheArrayIsRefused() {
        assertEquals("hts.json:1:3: found a list after the end of the array of records", problem("hts.json", "[][]"));
    }

    @Test
    void fieldsInAnyOrderAndFieldsTruceDoesNotUseAreRead() {
        String json = "[{\"units\": [\"No.\"], \"additionalDuties\": {\"x\": [1, 2]}, \"general\": \"2.1%\","
                + " \"footnotes\": [{\"marker\": \"1\", \"type\": \"endnote\", \"value\": \"See 9903.91.06. \","
                + " \"columns\": [\"general\"]}], \"indent\": 2, \"superior\": null, \"htsno\": \"8505.11.00\"}]";
        TariffSchedule schedule = new HtsExportReader().read("hts.json", json.getBytes(StandardCharsets.UTF_8));
        TariffLine line = assertInstanceOf(CodeLookup.Found.class, schedule.lookup("8505.11.00")).line();
        assertEquals("2.1%", line.base().text());
        assertEquals("9903.91.06", line.references().get(0).number());
    }

    @Test
    void aCutOffGzipIsADamagedFile() throws IOException {
        byte[] packed = gzip(fixture());
        byte[] cut = Arrays.copyOf(packed, packed.length / 2);
        assertEquals("hts.json.gz: cannot read: Unexpected end of ZLIB input stream (a damaged or cut-off gzip?)",
                problem(new HtsExportReader(), "hts.json.gz", cut));
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() throws IOException {
        Path file = dir.resolve("hts.json");
        Files.write(file, fixture());
        TruceException e = assertThrows(TruceException.class, () -> new HtsExportReader(100_000).read(file));
        assertEquals(file + ": the file is 1 MB, more than the 1 MB limit for an HTS export", e.getMessage());
    }

    @Test
    void aGzipThatUnpacksBeyondTheLimitIsStopped() throws IOException {
        byte[] packed = gzip(fixture());
        String message = problem(new HtsExportReader(100_000), "hts.json.gz", packed);
        assertEquals(true, message.matches("hts\\.json\\.gz:[0-9]+:[0-9]+: too large for an HTS export: Document length"
                + " \\([0-9]+\\) exceeds the maximum allowed \\(100000\\)"), message);
    }

    @Test
    void aTextLongerThanTheLimitIsStopped() {
        String json = "[{\"htsno\": \"8505\", \"indent\": \"0\", \"description\": \""
                + "x".repeat(HtsExportReader.MAX_STRING_CHARS + 1) + "\"}]";
        assertEquals("hts.json:1:50: too large for an HTS export: String value length (65537) exceeds the maximum"
                + " allowed (65536)", problem("hts.json", json));
    }

    @Test
    void aMissingFileAndADirectoryAreNamed() {
        TruceException missing = assertThrows(TruceException.class,
                () -> new HtsExportReader().read(dir.resolve("nothing.json")));
        assertEquals(dir.resolve("nothing.json") + ": no such file", missing.getMessage());
        TruceException directory = assertThrows(TruceException.class, () -> new HtsExportReader().read(dir));
        assertEquals(dir + ": is a directory, not a file", directory.getMessage());
    }
}
