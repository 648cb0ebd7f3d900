package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/truce with real JVMs: the default Java alone (a class-data-sharing archive on Java 17), and a folder holding
 * a JDK 25 or later (an AOT cache). Each trains its archive with dev.truce.Training, a JVM that must use it accepts
 * it, --version says which Java runs with which archive, and `status` prints what truce prints in-process (in this
 * JVM: a Java 25 must print what Java 17 prints). The JDK 25 test runs wherever such a JDK is installed (CI included);
 * where none is, it is skipped and says so. LauncherChoicesTest covers the choices with stand-in JDKs.
 */
@Tag("slow")
class LauncherArchiveTest {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)[^\"]*\"$");
    private static final List<Path> JDK_FOLDERS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/local/lib/jvm"),
            Path.of("/opt/java"));
    private static final String[] STATUS = {"--no-color", "status", "--as-of", "2026-11-26", "-f", "obligations.yaml"};

    @TempDir
    static Path shared;

    private static Path jar;

    @TempDir
    Path tmp;

    private LauncherCheckout checkout;

    @BeforeAll
    static void buildTheJar() throws IOException {
        jar = LauncherCheckout.realJar(shared.resolve("jar"));
    }

    @BeforeEach
    void setUp() throws IOException {
        checkout = new LauncherCheckout(tmp.resolve("truce"), jar);
    }

    private static int feature(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The newest JDK 25 or later installed in the usual folders. */
    private static Optional<Path> jdk25() throws IOException {
        Optional<Path> found = Optional.empty();
        for (Path folder : JDK_FOLDERS) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> homes = Files.list(folder)) {
                    Optional<Path> newest = homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= 25)
                            .max(Comparator.comparingInt(LauncherArchiveTest::feature));
                    if (newest.isPresent() && (found.isEmpty() || feature(newest.get()) > feature(found.get()))) {
                        found = newest;
                    }
                }
            }
        }
        return found;
    }

    private void assertRunsWith(String javaVersion, String startup, String extension) throws Exception {
        Path desk = Files.createDirectories(tmp.resolve("desk"));
        LauncherCheckout.Run version = checkout.run(desk, "--version");
        assertEquals(0, version.code(), version::toString);
        assertEquals("", version.err(), "no warning from the launcher or the JVM");
        List<String> lines = version.out().lines().toList();
        assertTrue(lines.get(0).startsWith("truce "), version.out());
        assertTrue(lines.get(1).startsWith("Java " + javaVersion) && lines.get(1).endsWith("; " + startup), version.out());

        List<Path> archives = checkout.archives();
        assertEquals(1, archives.size(), archives::toString);
        assertTrue(archives.get(0).toString().endsWith(extension), archives::toString);
        String log = Files.readString(Path.of(archives.get(0) + ".log"));
        for (String command : List.of("--version", "status", "--no-color status --format json", "show --truce", "validate",
                "check", "exposure --products products.csv", "alert --dry-run", "changes --state",
                "changes --since HEAD~1")) {
            assertTrue(log.contains("training: truce " + command), command + " trained, in\n" + log);
        }
        assertEquals(23, Pattern.compile("(?m)^training: truce .*: exit \\d+, \\d+ ms$").matcher(log).results().count(), log);

        Files.copy(checkout.root.resolve("obligations.yaml"), desk.resolve("obligations.yaml"));
        Files.copy(checkout.root.resolve("evidence.yaml"), desk.resolve("evidence.yaml"));
        LauncherCheckout.Run status = checkout.run(desk, STATUS);
        CliRunner.Result inProcess = new CliRunner(desk).clock(Clock.systemUTC()).env(Map.of("TRUCE_CACHE", "off")).run(STATUS);
        assertEquals(inProcess.exitCode(), status.code(), status::toString);
        assertEquals(inProcess.out(), status.out());
        assertEquals(inProcess.err(), status.err());
    }

    @Test
    void theDefaultJavaAloneGetsItsArchive() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        assertRunsWith(System.getProperty("java.version"), feature(home) >= 25 ? "AOT cache" : "CDS archive",
                feature(home) >= 25 ? ".aot" : ".jsa");
    }

    @Test
    void aJdk25FolderGetsAnAotCache() throws Exception {
        Optional<Path> jdk25 = jdk25();
        if (jdk25.isEmpty()) {
            String message = "no JDK 25 or later in " + JDK_FOLDERS + ": the launcher's AOT-cache test is skipped";
            System.err.println(message);
            Assumptions.abort(message);
        }
        Path folder = Files.createDirectories(tmp.resolve("jvm"));
        Files.createSymbolicLink(folder.resolve(jdk25.get().getFileName()), jdk25.get());
        checkout.environment.put("TRUCE_JDK_DIRS", folder.toString());
        String version = Files.readString(jdk25.get().resolve("release")).lines()
                .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow().replaceAll("JAVA_VERSION=|\"", "");
        assertRunsWith(version, "AOT cache", ".aot");
    }
}
