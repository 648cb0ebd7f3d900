package dev.truce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run scripts/truce makes its start-up archive from: every command line succeeds on the shipped file
 * and on the generated one, and a run that goes wrong says so, so that no archive is kept of it.
 */
class TrainingTest {
    @TempDir
    Path tmp;

    @Test
    void theGeneratedFilesAreTheSameEveryTimeAndValid() throws Exception {
        Path one = new TrainingFiles(300, 42).write(tmp.resolve("one"), 2);
        Path two = new TrainingFiles(300, 42).write(tmp.resolve("two"), 2);
        for (String file : List.of("obligations.yaml", "evidence.yaml", "products.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolveSibling(file)), Files.readAllBytes(two.resolveSibling(file)), file);
        }
        CliRunner.Result validate = new CliRunner(one.getParent()).run("validate");
        assertEquals(0, validate.exitCode(), validate::toString);
        assertTrue(validate.out().startsWith("OK: "), validate::toString);
        CliRunner.Result exposure = new CliRunner(one.getParent()).run("exposure", "--products", "products.csv", "--format", "csv");
        assertEquals(0, exposure.exitCode(), exposure::toString);
        assertTrue(exposure.out().lines().count() > 10, "products with duties: " + exposure.out());
    }

    @Tag("slow")
    @Test
    void everyCommandSucceedsOnTheShippedAndTheGeneratedFile() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> failures = Training.train(Path.of("obligations.yaml").toAbsolutePath(), tmp, Training.OBLIGATIONS,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(List.of(), failures);
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(23, lines.size(), String.join("\n", lines));
        assertTrue(lines.contains("training: truce --version: exit 0, " + lines.get(0).replaceAll(".*, ", "")), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("training: truce alert --dry-run --state ")), lines::toString);
    }

    @Tag("slow")
    @Test
    void aCommandThatFailsIsReported() throws Exception {
        Path broken = Files.writeString(tmp.resolve("obligations.yaml"), "version: 1\ntruce: [not, a, truce]\n");
        List<String> failures = Training.train(broken, Files.createDirectories(tmp.resolve("work")), 100,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("training: truce validate in ") && f.contains(" exited 2: ")),
                failures::toString);
        assertTrue(failures.stream().noneMatch(f -> f.contains("/large exited")), "the generated file is fine: " + failures);
    }
}
