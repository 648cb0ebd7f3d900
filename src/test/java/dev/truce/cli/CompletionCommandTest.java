package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script, run in a real bash the way bash runs it on TAB: COMP_WORDS and COMP_CWORD
 * set, the completion function called, COMPREPLY printed. `truce` on the PATH is this build.
 */
@Tag("slow")
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void completesCommandsAndOptions() throws Exception {
        TestFiles.copyShipped(dir);
        Path script = script("bash");
        assertEquals(List.of("calendar", "changes", "check", "completion"), complete(script, "truce", "c"));
        assertEquals(List.of("--since"), complete(script, "truce", "changes", "--si"));
        assertEquals(List.of("--critical"), complete(script, "truce", "check", "--cr"));
    }

    @Test
    void completesObligationIdsFromTheCurrentFileAsItIsNow() throws Exception {
        TestFiles.copyShipped(dir);
        Path script = script("bash");
        assertEquals(List.of("us-section301-exclusions", "us-section301-forced-labor",
                "us-section301-ship-fees-suspension"), complete(script, "truce", "show", "us-section3"));

        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, Files.readString(file).replace("us-section301-exclusions", "us-section301-exclusions-2025"));
        assertEquals(List.of("us-section301-exclusions-2025", "us-section301-forced-labor",
                "us-section301-ship-fees-suspension"),
                complete(script, "truce", "show", "us-section3"));
    }

    @Test
    void idsCompleteWhereverACommandTakesOne() throws Exception {
        TestFiles.copyShipped(dir);
        Path script = script("bash");
        List<String> expected = List.of("us-section301-exclusions", "us-section301-forced-labor",
                "us-section301-ship-fees-suspension");
        assertEquals(expected, complete(script, "truce", "ack", "us-section3"));
        assertEquals(expected, complete(script, "truce", "evidence", "add", "us-section3"));
        assertEquals(expected, complete(script, "truce", "evidence", "list", "us-section3"));
    }

    @Test
    void idsComeFromTheFileNamedOnTheLine() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        TestFiles.writeHostile(other);
        TestFiles.copyShipped(dir);
        Path script = script("bash");
        List<String> ids = complete(script, "truce", "-f", "other/obligations.yaml", "show", "o-09");
        assertEquals(100, ids.size(), ids::toString);
        assertTrue(ids.contains("o-0970-" + "x".repeat(80)), ids::toString);
        assertEquals(List.of(), complete(script, "truce", "--file=missing.yaml", "show", "us-"));
    }

    @Test
    void partiesComeFromTheFileAndProductListsAreCsvFilesOnly() throws Exception {
        TestFiles.copyShipped(dir);
        Files.writeString(dir.resolve("products.csv"), "hts,market\n");
        Files.writeString(dir.resolve("products.txt"), "not a product list");
        Files.createDirectory(dir.resolve("prices"));
        Path script = script("bash");
        assertEquals(List.of("CN", "US", "joint"), complete(script, "truce", "status", "--party", ""));
        assertEquals(List.of("prices", "products.csv"), complete(script, "truce", "report", "--products", "pr"));
        assertEquals(List.of("prices", "products.csv"), complete(script, "truce", "exposure", "--products", "pr"));
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashcompinitItself() {
        CliRunner.Result result = new CliRunner(dir).run("completion", "zsh");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("autoload -U +X bashcompinit && bashcompinit"), result::toString);
        assertTrue(result.out().contains("_truce_obligation_ids"), result::toString);
        assertEquals(2, new CliRunner(dir).run("completion", "fish").exitCode());
    }

    private Path script(String shell) throws IOException {
        CliRunner.Result result = new CliRunner(dir).run("completion", shell);
        assertEquals(0, result.exitCode(), result::toString);
        Path script = dir.resolve("truce-completion." + shell);
        Files.writeString(script, result.out());
        return script;
    }

    /** What bash offers for the last word of {@code words}. */
    private List<String> complete(Path script, String... words) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path truce = bin.resolve("truce");
        if (!Files.exists(truce)) {
            Files.writeString(truce, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -cp '" + System.getProperty("java.class.path") + "' dev.truce.Main \"$@\"\n");
            Files.setPosixFilePermissions(truce, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String program = "source '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "_complete_truce 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).directory(dir.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("TRUCE_FILE");
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
        return out.lines().filter(line -> !line.isEmpty()).sorted().toList();
    }
}
