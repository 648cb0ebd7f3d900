package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truce.testing.TruceFixture;
import dev.truce.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 6 through the command line: nesting 10,000 levels deep, a value at and over the length cap,
 * and files that are not files (a FIFO, /dev/zero), as obligations.yaml and as the evidence file. Each is
 * refused with exit 2 in a line or two; none hangs (the timeout runs the test on its own thread, so a read
 * blocked on a FIFO fails the test instead of stopping the suite).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFilesTest {
    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).at(TruceFixture.WEEK_BEFORE);
    }

    private void note(String yamlValue) throws IOException {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "note: " + yamlValue));
    }

    @Test
    void nestingTenThousandDeepIsOneLineAtItsPlace() throws IOException {
        note("[".repeat(10_000) + "]".repeat(10_000));
        for (String command : new String[] {"validate", "status"}) {
            CliRunner.Result result = truce.run(command);
            assertEquals(2, result.exitCode(), result::toString);
            assertEquals(1, result.err().lines().count(), result::toString);
            // the note's first '[' is column 11, three levels down (file, obligations, the obligation)
            assertTrue(result.err().startsWith("truce " + command + ": obligations.yaml:23:" + (11 + YamlTreeReader.MAX_DEPTH - 2)
                    + ": nested more than " + YamlTreeReader.MAX_DEPTH + " levels deep"), result::toString);
            assertFalse(result.err().contains("StackOverflow"), result::toString);
        }
    }

    @Test
    void aDeepEvidenceEntryCostsThatEntryOnly() throws IOException {
        Files.writeString(dir.resolve("evidence.yaml"), "- obligation: us-tariff\n  note: " + "[".repeat(10_000)
                + "]".repeat(10_000) + "\n");
        CliRunner.Result status = truce.run("status", "--no-color");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.err().startsWith("truce: warning: evidence.yaml:2:"), status::toString);
        assertTrue(status.err().contains("nested more than"), status::toString);
        assertEquals(2, truce.run("validate").exitCode());
    }

    @Test
    void aValueAtTheCapIsAcceptedAndOneOverItIsRefusedClearly() throws IOException {
        note("x".repeat(YamlTreeReader.MAX_SCALAR_CHARS));
        CliRunner.Result atCap = truce.run("validate");
        assertEquals(0, atCap.exitCode(), atCap::toString);

        note("\"" + "x".repeat(YamlTreeReader.MAX_SCALAR_CHARS + 1) + "\"");
        CliRunner.Result over = truce.run("validate");
        assertEquals(2, over.exitCode(), over::toString);
        assertEquals("truce validate: obligations.yaml:23:11: a value of 262145 characters, more than 262144 (is a closing quote missing?)\n",
                over.err());
    }

    @Test
    void devZeroIsNotReadAsAFile() {
        CliRunner.Result result = truce.run("-f", "/dev/zero", "validate");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("truce validate: /dev/zero: is not a regular file (a FIFO, a device or a socket is never read)\n", result.err());
    }

    @Test
    void aFifoIsRefusedAsTheFileAndAsTheEvidenceFile() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        CliRunner.Result asFile = truce.run("-f", "pipe.yaml", "validate");
        assertEquals(2, asFile.exitCode(), asFile::toString);
        assertEquals("truce validate: pipe.yaml: is not a regular file (a FIFO, a device or a socket is never read)\n", asFile.err());

        Path obligations = dir.resolve("obligations.yaml");
        Files.writeString(obligations, Files.readString(obligations).replace("alerts:", "evidence_file: pipe.yaml\nalerts:"));
        CliRunner.Result asEvidence = truce.run("validate");
        assertEquals(2, asEvidence.exitCode(), asEvidence::toString);
        assertEquals("truce validate: obligations.yaml:9:16: evidence_file: pipe.yaml is not a regular file\n", asEvidence.err());
        CliRunner.Result status = truce.run("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.err().contains("pipe.yaml is not a regular file"), status::toString);
        CliRunner.Result add = truce.run("evidence", "add", "us-tariff", "--stance", "complies", "--claimant", "US",
                "--basis", "act", "--source", "EO", "--date", "2026-06-01", "--by", "alice");
        assertEquals(2, add.exitCode(), add::toString);
    }

    private static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
