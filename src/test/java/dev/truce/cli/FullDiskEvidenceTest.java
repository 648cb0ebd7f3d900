package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 7, the evidence half: `evidence add` on a full disk. The files sit on a 16 KiB tmpfs (mounting
 * needs root, as in CI; elsewhere the test is skipped). The evidence file's last page has room for part of the
 * new entry and the disk for nothing more, so the write stops part-way: the file must be cut back to what it
 * was, and once there is room again every command works and the entry can be added.
 */
class FullDiskEvidenceTest {
    private static final String[] ADD = {"evidence", "add", "us-reciprocal-suspension", "--stance", "complies",
        "--claimant", "US", "--basis", "act", "--source", "Federal Register notice of the suspension", "--date",
        "2025-06-20", "--note", "A note long enough that the entry cannot fit in what is left of the last page."};

    @TempDir
    Path root;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        disk = Files.createDirectories(root.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", disk.toString());
        assumeTrue(mounted, "cannot mount a small tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", disk.toString());
        }
    }

    @Test
    void aWriteCutShortByAFullDiskLeavesNoPartialEntry() throws Exception {
        Files.writeString(disk.resolve("obligations.yaml"), EvidenceCommandTest.OBLIGATIONS);
        Path evidence = disk.resolve("evidence.yaml");
        // 60 bytes short of a whole page: the entry's first bytes fit there, the rest needs a page there is none of
        String entries = EvidenceCommandTest.EVIDENCE;
        int pad = 4096 - 60 - entries.getBytes(StandardCharsets.UTF_8).length;
        Files.writeString(evidence, "#" + "-".repeat(pad - 2) + "\n" + entries);
        assertEquals(4096 - 60, Files.size(evidence));
        CliRunner cli = new CliRunner(disk).at("2025-07-01T16:00:00Z").env(Map.of("USER", "alice", "TRUCE_CACHE", "off"));
        Files.createFile(disk.resolve(".evidence.yaml.lock"));
        Path filler = fill(disk.resolve("filler"));
        byte[] before = Files.readAllBytes(evidence);

        CliRunner.Result full = cli.run(ADD);
        assertEquals(1, full.exitCode(), full::toString);
        assertTrue(full.err().contains("evidence.yaml: cannot append: "), full::toString);
        assertArrayEquals(before, Files.readAllBytes(evidence), "a partial entry stayed in the file");

        Files.delete(filler);
        CliRunner.Result validate = cli.run("validate");
        assertEquals(0, validate.exitCode(), validate::toString);
        assertEquals(0, cli.run("status").exitCode());
        CliRunner.Result added = cli.run(ADD);
        assertEquals(0, added.exitCode(), added::toString);
        assertTrue(cli.run("validate").out().startsWith("OK: 2 obligations, 3 evidence entries"));
    }

    /** Writes until the disk is full. */
    private static Path fill(Path filler) throws IOException {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[512];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return filler;
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
