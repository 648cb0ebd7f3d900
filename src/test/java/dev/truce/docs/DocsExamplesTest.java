package dev.truce.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runnable example in README.md and docs/*.md (a block fenced as ```sh example) runs as written: with
 * bash, in a fresh folder holding copies of the shipped obligations.yaml, evidence.yaml,
 * scripts/products.example.csv, scripts/truce-check-metrics and the trimmed HTS export of the tests (for `truce hts
 * import`), as in a fresh clone, with `truce` on the PATH running the classes just built.
 * Each must exit 0 and print no stack trace. A block runs under `set -euo pipefail`, so a command in the
 * middle that fails fails the example too; an example that shows a failure says so (`|| echo "exit $?"`).
 */
@Tag("slow")
class DocsExamplesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> SHIPPED = List.of("obligations.yaml", "evidence.yaml",
            "scripts/products.example.csv", "scripts/truce-check-metrics",
            "src/test/resources/hts/hts-2026-rev10-subset.json");
    private static final long TIMEOUT_SECONDS = 120;
    /** A Java stack frame, or the JVM's report of an uncaught exception. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s+at [\\w$.]+\\(|^Exception in thread |^Caused by: |internal error");

    @TempDir
    static Path tools;

    private static Path bin;

    @BeforeAll
    static void putTruceOnThePath() throws IOException {
        bin = Files.createDirectories(tools.resolve("bin"));
        Path truce = bin.resolve("truce");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the launcher's JVM flags, the classes of this build (target/classes and the dependencies)
        Files.writeString(truce, String.join("\n",
                "#!/bin/sh",
                "exec " + quote(java) + " -Xms8m -Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss2m \\",
                "  -cp " + quote(System.getProperty("java.class.path")) + " dev.truce.Main \"$@\"",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(truce, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theDocumentationHasRunnableExamples() {
        List<MarkdownBlocks.Block> readme = MarkdownBlocks.blocks(ROOT.resolve("README.md"));
        assertTrue(readme.stream().anyMatch(MarkdownBlocks.Block::runnable),
                "README.md should show its quick start as a ```" + MarkdownBlocks.RUNNABLE + " block");
        long all = MarkdownBlocks.documents(ROOT).stream().flatMap(f -> MarkdownBlocks.blocks(f).stream())
                .filter(MarkdownBlocks.Block::runnable).count();
        // far below today's count: this only catches a change of convention that finds (almost) nothing
        assertTrue(all >= 20, "only " + all + " runnable examples in README.md and docs/");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsWritten() {
        return MarkdownBlocks.documents(ROOT).stream()
                .flatMap(file -> MarkdownBlocks.blocks(file).stream())
                .filter(MarkdownBlocks.Block::runnable)
                .map(block -> DynamicTest.dynamicTest(block.name(ROOT), () -> run(block)));
    }

    private static void run(MarkdownBlocks.Block block) throws Exception {
        Path dir = Files.createTempDirectory("truce-example-");
        try {
            Path work = Files.createDirectories(dir.resolve("checkout"));
            for (String name : SHIPPED) {
                Path target = work.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(ROOT.resolve(name), target);
            }
            Path script = dir.resolve("example.sh");
            Files.writeString(script, "set -euo pipefail\n" + block.text(), StandardCharsets.UTF_8);
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("TRUCE_") || k.equals("NO_COLOR"));
            env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());   // the parse cache of a fresh machine
            env.put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());   // mktemp -d, cleaned up
            // examples that commit need an identity; a reader's machine has one
            env.put("GIT_AUTHOR_NAME", "Ana");
            env.put("GIT_AUTHOR_EMAIL", "ana@example.com");
            env.put("GIT_COMMITTER_NAME", "Ana");
            env.put("GIT_COMMITTER_EMAIL", "ana@example.com");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("still running after " + TIMEOUT_SECONDS + " s" + report(block, out, err));
            }
            int code = process.exitValue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, code, () -> "exit " + code + report(block, out, err));
            assertFalse(STACK_TRACE.matcher(stdout).find() || STACK_TRACE.matcher(stderr).find(),
                    () -> "a stack trace or an internal error" + report(block, out, err));
        } finally {
            deleteTree(dir);
        }
    }

    private static String report(MarkdownBlocks.Block block, Path out, Path err) {
        return " in " + block.name(ROOT) + ":\n--- block\n" + block.text() + "--- stdout\n" + read(out)
                + "--- stderr\n" + read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
