package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 8: `evidence add --claimant 商务部` with LANG and LC_ALL unset, as cron runs it. The launcher,
 * copied into a temporary checkout whose jar is up to date, runs truce through a stand-in `java` (JAVA_HOME)
 * that swaps `-jar truce.jar` for the test class path and runs the real JVM with the launcher's flags and
 * environment. The command is written to a script file in UTF-8, so the bytes truce gets are the bytes a
 * terminal sends, whatever this JVM's own locale. Java run without the launcher refuses instead of writing
 * replacement characters.
 */
@Tag("slow")
class LauncherLocaleTest {
    private static final String CLAIMANT = "商务部";

    @TempDir
    Path tmp;

    private Path checkout;
    private Path desk;

    @BeforeEach
    void setUp() throws IOException {
        checkout = tmp.resolve("truce");
        Files.createDirectories(checkout.resolve("scripts"));
        Files.copy(Path.of("scripts/truce"), checkout.resolve("scripts/truce"));
        Path target = Files.createDirectories(checkout.resolve("target"));
        Files.writeString(target.resolve("truce.jar"), "");
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                # stand-in for java: the test class path instead of the jar, no class-data archive (it trains none)
                args=()
                skip=0
                for a in "$@"; do
                  if [ "$skip" = 1 ]; then skip=0; continue; fi
                  case "$a" in
                    dev.truce.Training) exit 1 ;;
                    -jar) skip=1; args+=(-cp "$TRUCE_TEST_CP" dev.truce.Main) ;;
                    -XX:SharedArchiveFile=*|-Xlog:cds*) ;;
                    *) args+=("$a") ;;
                  esac
                done
                exec "$TRUCE_REAL_JAVA" "${args[@]}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        desk = Files.createDirectories(tmp.resolve("desk"));
        Files.writeString(desk.resolve("obligations.yaml"), """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2025-05-14T00:01-04:00
                  timezone: America/New_York
                  days: 90
                obligations:
                  - id: cn-rare-earth-licensing
                    title: Issue rare-earth export licences
                    party: CN
                    kind: export-control
                """);
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs {@code command} (bash, UTF-8) in the desk folder with LANG, LC_ALL and LC_CTYPE unset. */
    private Run bash(String command) throws Exception {
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, "cd '" + desk + "'\nexec env -u LANG -u LC_ALL -u LC_CTYPE " + command + "\n",
                StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRUCE_") || k.startsWith("LC_") || k.equals("LANG"));
        builder.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        builder.environment().put("TRUCE_TEST_CP", System.getProperty("java.class.path"));
        builder.environment().put("TRUCE_REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("TRUCE_CACHE", "off");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String add(String truce) {
        return truce + " evidence add cn-rare-earth-licensing --stance breaches --claimant '" + CLAIMANT
                + "' --basis statement --source 'MOFCOM notice' --date 2025-06-01 --by alice";
    }

    @Test
    void theLauncherChoosesAUtf8LocaleSoTheClaimantIsWrittenAsTyped() throws Exception {
        Run run = bash(add("'" + checkout.resolve("scripts/truce") + "'"));
        assertEquals(0, run.code(), run::toString);
        String evidence = Files.readString(desk.resolve("evidence.yaml"), StandardCharsets.UTF_8);
        assertTrue(evidence.contains("claimant: " + CLAIMANT + "\n"), evidence);
        assertFalse(evidence.contains("\uFFFD"), evidence);
        assertTrue(run.out().contains("claimant: " + CLAIMANT), run::toString);
    }

    @Test
    void javaWithoutALocaleRefusesRatherThanWriteReplacementCharacters() throws Exception {
        Run run = bash("'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.truce.Main " + add("").strip());
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().startsWith("truce: an argument has characters this Java could not decode"), run::toString);
        assertFalse(Files.exists(desk.resolve("evidence.yaml")));
    }
}
