package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.HtsFixture;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce hts import FILE --effective DATE`: the export is checked, copied beside obligations.yaml, named there by
 * hts_file and hts_effective inserted as text (every other byte kept), and its index written to the state folder.
 */
class HtsImportCommandTest {
    @TempDir
    Path dir;

    @TempDir
    Path downloads;

    private Path export;
    private CliRunner cli;

    @BeforeEach
    void files() throws Exception {
        TestFiles.copyShipped(dir);
        export = downloads.resolve("hts_2026_revision_10_json.json");
        Files.copy(HtsFixture.path(HtsFixture.REVISION_10_2026), export);
        cli = new CliRunner(dir).at("2026-12-07T14:00:00Z");
    }

    @Test
    void anImportCopiesTheExportSetsTheTwoKeysAndWritesThePrivateIndex() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("obligations.yaml"));
        CliRunner.Result r = cli.run("hts", "import", export.toString(), "--effective", "2026-06-08");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("""
                --- a/obligations.yaml
                +++ b/obligations.yaml
                @@ -131,6 +131,8 @@
                 alerts:
                   thresholds: [30, 14, 7, 3, 1, 0]
                   recipients: [trade-desk@example.com]
                +hts_file: hts_2026_revision_10_json.json
                +hts_effective: 2026-06-08
                \s
                 obligations:
                """), r::toString);
        assertTrue(r.out().contains("Imported 2026 Revision 10 (503 records, sha256 e5da2ce4a958…) as "
                + "hts_2026_revision_10_json.json beside obligations.yaml, in force from 2026-06-08"), r::toString);
        assertArrayEquals(Files.readAllBytes(export), Files.readAllBytes(dir.resolve("hts_2026_revision_10_json.json")));
        String after = Files.readString(dir.resolve("obligations.yaml"));
        assertEquals(new String(before, java.nio.charset.StandardCharsets.UTF_8), after.replace(
                "hts_file: hts_2026_revision_10_json.json\nhts_effective: 2026-06-08\n", ""), "every other byte kept");
        Path index = dir.resolve(".truce/hts-index.bin");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(index)));
        assertEquals(0, cli.run("validate").exitCode());
    }

    @Test
    void aDryRunPrintsTheDiffAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("obligations.yaml"));
        CliRunner.Result r = cli.run("hts", "import", export.toString(), "--effective", "2026-06-08", "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("+hts_file: hts_2026_revision_10_json.json"), r::toString);
        assertTrue(r.out().contains("Dry run, nothing written: would import 2026 Revision 10"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("obligations.yaml")));
        assertFalse(Files.exists(dir.resolve("hts_2026_revision_10_json.json")));
        assertFalse(Files.exists(dir.resolve(".truce/hts-index.bin")));
    }

    @Test
    void aGzippedExportAndASecondRevisionReplaceTheKeysValues() throws Exception {
        assertEquals(0, cli.run("hts", "import", export.toString(), "--effective", "2026-06-08").exitCode());
        Path gz = downloads.resolve("hts_2025_basic.json.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(Files.readAllBytes(HtsFixture.path(HtsFixture.BASIC_2025)));
        }
        Files.write(gz, bytes.toByteArray());
        CliRunner.Result r = cli.run("hts", "import", gz.toString(), "--effective", "2025-01-01");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("-hts_file: hts_2026_revision_10_json.json\n-hts_effective: 2026-06-08\n"
                + "+hts_file: hts_2025_basic.json.gz\n+hts_effective: 2025-01-01\n"), r::toString);
        assertTrue(r.out().contains("Imported 2025 Basic Edition (64 records"), r::toString);
        assertTrue(r.out().contains("The previous export, hts_2026_revision_10_json.json, is no longer named"), r::toString);
        assertEquals(1, Files.readString(dir.resolve("obligations.yaml")).split("hts_file:", -1).length - 1);
    }

    @Test
    void whatIsNotAnExportChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("obligations.yaml"));
        Path notJson = downloads.resolve("hts.csv");
        Files.writeString(notJson, "a,b\n");
        CliRunner.Result wrongName = cli.run("hts", "import", notJson.toString(), "--effective", "2026-06-08");
        assertEquals(2, wrongName.exitCode(), wrongName::toString);
        assertTrue(wrongName.err().contains("not a .json or .json.gz file"), wrongName::toString);
        Path object = downloads.resolve("rev.json");
        Files.writeString(object, "{\"htsno\": \"8505\"}");
        CliRunner.Result notAnExport = cli.run("hts", "import", object.toString(), "--effective", "2026-06-08");
        assertEquals(2, notAnExport.exitCode(), notAnExport::toString);
        assertTrue(notAnExport.err().contains("rev.json:1:1: found an object (expected the USITC HTS export"),
                notAnExport::toString);
        CliRunner.Result noDay = cli.run("hts", "import", export.toString());
        assertEquals(2, noDay.exitCode(), noDay::toString);
        assertTrue(noDay.err().contains("--effective"), noDay::toString);
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("obligations.yaml")));
        assertFalse(Files.exists(dir.resolve("rev.json")));
    }

    @Test
    void htsFileIsCheckedLikeEvidenceFile() throws Exception {
        Path obligations = dir.resolve("obligations.yaml");
        Files.writeString(obligations, Files.readString(obligations).replace("alerts:\n",
                "hts_file: ../outside.json\nalerts:\n"));
        Files.writeString(dir.resolve("products.csv"), "hts,market,value,description\n8505.11.0070,US,1,x\n");
        Files.copy(export, dir.getParent().resolve("outside.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result outside = cli.run("exposure", "--products", "products.csv");
        assertEquals(2, outside.exitCode(), outside::toString);
        assertTrue(outside.err().startsWith("truce exposure: obligations.yaml:131:11: hts_file: ../outside.json leads outside the folder "
                + "of obligations.yaml"), outside::toString);
        Files.writeString(obligations, Files.readString(obligations).replace("hts_file: ../outside.json",
                "hts_file: schedule.yaml"));
        CliRunner.Result yaml = cli.run("validate");
        assertEquals(2, yaml.exitCode(), yaml::toString);
        assertTrue(yaml.err().contains("hts_file: must name a .json or .json.gz file"), yaml::toString);
        Files.writeString(obligations, Files.readString(obligations).replace("hts_file: schedule.yaml",
                "hts_file: missing.json"));
        CliRunner.Result missing = cli.run("exposure", "--products", "products.csv");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("hts_file: missing.json does not exist (truce hts import FILE"), missing::toString);
        CliRunner.Result notNeeded = cli.run("exposure", "--hts", "1201.90", "--market", "CN");
        assertEquals(0, notNeeded.exitCode(), "a list with no US product without base_duty never reads the schedule");
    }
}
