package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts/truce decides, with stand-in JDKs (a release file and a bin/java script that logs its arguments)
 * and a stand-in mvn, so no JVM starts: which Java runs, which archive flags it gets, when the archive is trained,
 * that a failed training is said once, that a changed source tree is rebuilt once however many launchers start.
 * LauncherArchiveTest runs the real JVMs.
 */
class LauncherChoicesTest {
    @TempDir
    Path tmp;

    private LauncherCheckout checkout;
    private Path log;

    @BeforeEach
    void setUp() throws IOException {
        checkout = new LauncherCheckout(tmp.resolve("truce"), Files.writeString(tmp.resolve("stand-in.jar"), "jar"));
        log = tmp.resolve("java.log");
        checkout.environment.put("STAND_IN_LOG", log.toString());
    }

    /**
     * A JDK folder whose java logs "NAME: ARGS"; a training run writes the archive its flag names (unless
     * STAND_IN_TRAINING=fail); a run of the jar prints "NAME ran ARGS".
     */
    private Path jdk(String folder, String version) throws IOException {
        Path home = tmp.resolve(folder);
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("lib/modules"), "");
        Files.setLastModifiedTime(home.resolve("lib/modules"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        LauncherCheckout.script(home.resolve("bin/java"), """
                #!/usr/bin/env bash
                echo "%1$s: $*" >> "$STAND_IN_LOG"
                for a in "$@"; do
                  case "$a" in
                    dev.truce.Training)
                      [ "${STAND_IN_TRAINING:-}" = fail ] && exit 1
                      [ "${STAND_IN_TRAINING:-}" = rebuild ] && sleep 0.1 && touch "$cp" ;;   # as another launcher's build
                    -cp) next=cp ;;
                    *) [ "${next:-}" = cp ] && cp="$a"; next="" ;;
                  esac
                  case "$a" in
                    -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*) made="${a#*=}" ;;
                    -jar) ran=1 ;;
                  esac
                done
                if [ -n "${made:-}" ]; then echo archive > "$made"; exit 0; fi
                [ -n "${ran:-}" ] && echo "%1$s ran $*"
                exit 0
                """.formatted(folder));
        return home;
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void withoutJdk25TheJavaOnThePathGetsACdsArchiveTrainedOnce() throws Exception {
        Path jdk17 = jdk("jdk-17", "17.0.15");
        checkout.environment.put("PATH", jdk17.resolve("bin") + ":/usr/bin:/bin");
        LauncherCheckout.Run run = checkout.run(tmp, "--version");
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err());
        List<String> calls = calls();
        assertEquals(3, calls.size(), calls::toString);
        assertTrue(calls.get(0).matches("jdk-17: -Xms8m .* -XX:ArchiveClassesAtExit=\\S+\\.jsa\\.\\d+ -Xlog:cds\\*=off "
                + "-cp \\S+/target/truce.jar dev.truce.Training \\S+/obligations.yaml"), calls.get(0));
        assertTrue(calls.get(1).matches("jdk-17: .* -Xshare:on -XX:SharedArchiveFile=\\S+\\.jsa\\.\\d+ .* -jar \\S+ --version"),
                calls.get(1));
        assertTrue(calls.get(2).matches("jdk-17: .* -XX:SharedArchiveFile=\\S+/target/archives/\\S+-17\\.0\\.15\\.jsa "
                + "-Xlog:cds\\*=off -Dtruce.startup=CDS archive -jar \\S+/target/truce.jar --version"),
                calls.get(2));
        assertEquals(1, checkout.archives().size());

        checkout.run(tmp, "status");
        assertEquals(4, calls().size(), "trained once: " + calls());
        assertTrue(calls().get(3).endsWith("-Dtruce.startup=CDS archive -jar " + checkout.root + "/target/truce.jar status"));
    }

    @Test
    void theNewestJdk25OrLaterInTheFoldersGetsAnAotCache() throws Exception {
        jdk("jvm/java-21", "21.0.2");
        jdk("jvm/temurin-25", "25.0.3");
        jdk("jvm/temurin-26", "26");
        jdk("other/jdk-25.0.1", "25.0.1");
        checkout.environment.put("PATH", jdk("jdk-17", "17.0.15").resolve("bin") + ":/usr/bin:/bin");
        checkout.environment.put("TRUCE_JDK_DIRS", tmp.resolve("jvm") + " " + tmp.resolve("other") + " " + tmp.resolve("none"));
        LauncherCheckout.Run run = checkout.run(tmp, "status");
        assertEquals(0, run.code(), run::toString);
        List<String> calls = calls();
        assertEquals(3, calls.size(), calls::toString);
        assertTrue(calls.get(0).matches("jvm/temurin-26: .* -XX:AOTCacheOutput=\\S+\\.aot\\.\\d+ -Xlog:aot\\*=off -Xlog:cds\\*=off "
                + "-cp \\S+ dev.truce.Training \\S+"), calls.get(0));
        assertTrue(calls.get(1).matches("jvm/temurin-26: .* -XX:AOTMode=on -XX:AOTCache=\\S+\\.aot\\.\\d+ .* --version"),
                calls.get(1));
        assertTrue(calls.get(2).matches("jvm/temurin-26: .* -XX:AOTCache=\\S+/target/archives/\\S+temurin-26-26\\.aot "
                + "-Xlog:aot\\*=off -Xlog:cds\\*=off -Dtruce.startup=AOT cache -jar \\S+ status"), calls.get(2));
        assertTrue(run.out().startsWith("jvm/temurin-26 ran "), run.out());
    }

    @Test
    void noFolderIsSearchedUnlessAskedAndUsualMeansTheUsualOnes() throws Exception {
        checkout.environment.put("PATH", jdk("jdk-17", "17.0.15").resolve("bin") + ":/usr/bin:/bin");
        jdk("home/.jdks/jdk-99", "99.0.1");   // ~/.jdks is one of the usual folders; newer than any installed
        checkout.environment.remove("TRUCE_JDK_DIRS");
        assertTrue(checkout.run(tmp, "--version").out().startsWith("jdk-17 ran "), calls()::toString);
        checkout.environment.put("HOME", tmp.resolve("home").toString());
        assertTrue(checkout.run(tmp, "--version").out().startsWith("jdk-17 ran "), "HOME alone changes nothing");
        checkout.environment.put("TRUCE_JDK_DIRS", "usual");
        LauncherCheckout.Run run = checkout.run(tmp, "--version");
        assertTrue(run.out().startsWith("home/.jdks/jdk-99 ran "), run::toString);
        assertTrue(run.out().contains("-Dtruce.startup=AOT cache"), run::toString);
    }

    @Test
    void javaHomeAlwaysWins() throws Exception {
        Path jdk17 = jdk("jdk-17", "17.0.15");
        jdk("jvm/temurin-25", "25.0.3");
        checkout.environment.put("TRUCE_JDK_DIRS", tmp.resolve("jvm").toString());
        checkout.environment.put("JAVA_HOME", jdk17.toString());
        LauncherCheckout.Run run = checkout.run(tmp, "--version");
        assertTrue(run.out().startsWith("jdk-17 ran "), run::toString);
        assertTrue(calls().stream().allMatch(call -> call.startsWith("jdk-17: ")), calls()::toString);
    }

    @Test
    void aFailedTrainingIsSaidOnceAndTheCommandRunsWithoutAnArchive() throws Exception {
        checkout.environment.put("PATH", jdk("jdk-17", "17.0.15").resolve("bin") + ":/usr/bin:/bin");
        checkout.environment.put("STAND_IN_TRAINING", "fail");
        LauncherCheckout.Run first = checkout.run(tmp, "status");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().matches("truce: could not make the start-up archive for \\S+/jdk-17/bin/java \\(log: "
                + "\\S+\\.jsa\\.log\\); running without it\\n"), first.err());
        assertTrue(first.out().startsWith("jdk-17 ran ") && !first.out().contains("SharedArchiveFile"), first.out());
        LauncherCheckout.Run second = checkout.run(tmp, "status");
        assertEquals("", second.err(), "said once");
        assertEquals(3, calls().size(), "one training, then two runs: " + calls());
        assertEquals(List.of(), checkout.archives());

        // a new jar is worth another try
        Instant now = Instant.now();
        try (var failed = Files.list(checkout.root.resolve("target/archives"))) {
            Path marker = failed.filter(f -> f.toString().endsWith(".failed")).findFirst().orElseThrow();
            Files.setLastModifiedTime(marker, FileTime.from(now.minusSeconds(60)));
        }
        Files.setLastModifiedTime(checkout.root.resolve("target/truce.jar"), FileTime.from(now.minusSeconds(30)));
        checkout.environment.remove("STAND_IN_TRAINING");
        checkout.run(tmp, "status");
        assertEquals(1, checkout.archives().size(), calls()::toString);
    }

    @Test
    void anArchiveOfAJarReplacedDuringTheTrainingIsNotKept() throws Exception {
        checkout.environment.put("PATH", jdk("jdk-17", "17.0.15").resolve("bin") + ":/usr/bin:/bin");
        checkout.environment.put("STAND_IN_TRAINING", "rebuild");
        LauncherCheckout.Run run = checkout.run(tmp, "status");
        assertEquals(new LauncherCheckout.Run(0, run.out(), ""), run, "not a failure");
        assertEquals(List.of(), checkout.archives());
        assertTrue(!run.out().contains("SharedArchiveFile"), run.out());
        checkout.environment.remove("STAND_IN_TRAINING");
        checkout.run(tmp, "status");
        assertEquals(1, checkout.archives().size(), "trained again for the new jar: " + calls());
    }

    @Test
    void whereNoArchiveCanBeWrittenTheCommandRunsWithoutOneAndSaysNothing() throws Exception {
        checkout.environment.put("PATH", jdk("jdk-17", "17.0.15").resolve("bin") + ":/usr/bin:/bin");
        Files.writeString(checkout.root.resolve("target/archives"), "not a folder");   // as root, the way to refuse writes
        LauncherCheckout.Run run = checkout.run(tmp, "status");
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("jdk-17 ran ") && run.out().endsWith(" -jar " + checkout.root + "/target/truce.jar status\n")
                && !run.out().contains("SharedArchiveFile"), run.out());
        assertEquals(1, calls().size(), "no training: " + calls());
    }

    @Test
    void changedSourcesAreBuiltOnceWhateverTheNumberOfLaunchersAndTheArchiveFollows() throws Exception {
        Path jdk17 = jdk("jdk-17", "17.0.15");
        Path mvnLog = tmp.resolve("mvn.log");
        Path bin = tmp.resolve("bin");
        // Maven's stand-in: slow enough that the launchers overlap; writes the jar the way `mvn package` does
        LauncherCheckout.script(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "mvn $*" >> "%s"
                sleep 1
                echo "jar $(date +%%s%%N)" > "%s/target/truce.jar"
                """.formatted(mvnLog, checkout.root));
        checkout.environment.put("PATH", bin + ":" + jdk17.resolve("bin") + ":/usr/bin:/bin");
        Files.createDirectories(checkout.root.resolve("src/main/java"));
        Files.writeString(checkout.root.resolve("pom.xml"), "<project/>");
        Path source = Files.writeString(checkout.root.resolve("src/main/java/Changed.java"), "class Changed {}");
        changedSinceTheJar(source);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<LauncherCheckout.Run> launch = () -> checkout.run(elsewhere, "--version");
            List<Future<LauncherCheckout.Run>> runs = pool.invokeAll(List.of(launch, launch, launch));
            for (Future<LauncherCheckout.Run> run : runs) {
                assertEquals(0, run.get().code(), run.get()::toString);
                assertTrue(run.get().out().startsWith("jdk-17 ran "), run.get()::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> builds = Files.readAllLines(mvnLog, StandardCharsets.UTF_8);
        assertEquals(List.of("mvn -q -B -f " + checkout.root + "/pom.xml -DskipTests package"), builds);
        assertEquals(1, calls().stream().filter(call -> call.contains("dev.truce.Training")).count(), calls()::toString);

        changedSinceTheJar(source);
        assertEquals(0, checkout.run(elsewhere, "status").code());
        assertEquals(2, Files.readAllLines(mvnLog).size(), "built again after a change");
        assertEquals(2, calls().stream().filter(call -> call.contains("dev.truce.Training")).count(),
                "trained again for the new jar: " + calls());
    }

    /** The jar a minute old, the source newer than it, both in the past: what a build now writes is newer than both. */
    private void changedSinceTheJar(Path source) throws IOException {
        Instant now = Instant.now();
        Files.setLastModifiedTime(checkout.root.resolve("target/truce.jar"), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(source, FileTime.from(now.minusSeconds(30)));
    }
}
