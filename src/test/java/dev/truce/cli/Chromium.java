package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's `chromium`) run as a command: one page per run, a fresh profile each
 * time, every host name unresolvable so the page cannot reach the network, and a network log that
 * shows whether it tried. On a developer machine without Chromium the browser tests are skipped;
 * in CI (CI=true) a missing Chromium is a failure, since `.ci/run` installs it.
 */
final class Chromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");
    private static final Pattern URL = Pattern.compile("\"url\":\"([a-z]+)://([^/\"]+)[^\"]*\"");
    /** Chromium's own services, which it calls even with background networking off; never the page's doing. */
    private static final Pattern OWN_SERVICES = Pattern.compile("(.+\\.)?(google\\.com|update\\.googleapis\\.com|gvt1\\.com)");

    private final Path executable;
    private final Path work;

    private Chromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    static Chromium require(Path work) {
        Optional<Path> found = Stream.concat(Optional.ofNullable(System.getenv("CHROMIUM")).stream(), CANDIDATES.stream())
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but no Chromium at " + CANDIDATES + " or $CHROMIUM: install Debian's chromium package");
            }
            Assumptions.abort("no Chromium installed (apt-get install chromium); browser test skipped outside CI");
        }
        return new Chromium(found.get(), work);
    }

    /** What the browser made of a page: the DOM after load, console messages, addresses it tried to reach. */
    record Load(String dom, List<String> console, List<String> requests) {
    }

    Load load(Path page) throws Exception {
        Run run = run(page, "--dump-dom");
        List<String> console = run.stderr.lines().filter(line -> CONSOLE.matcher(line).find()).toList();
        List<String> requests = new ArrayList<>();
        URL.matcher(run.netLog).results()
                .filter(m -> !OWN_SERVICES.matcher(m.group(2)).matches())
                .map(m -> m.group()).distinct().forEach(requests::add);
        return new Load(run.stdout, console, requests);
    }

    void screenshot(Path page, Path png, int width, int height) throws Exception {
        Files.deleteIfExists(png);
        run(page, "--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath());
        assertTrue(Files.size(png) > 10_000, "a screenshot with something in it: " + png);
    }

    void printToPdf(Path page, Path pdf) throws Exception {
        Files.deleteIfExists(pdf);
        run(page, "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath());
    }

    private record Run(String stdout, String stderr, String netLog) {
    }

    private Run run(Path page, String... action) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path out = work.resolve("chromium.out");
        Path err = work.resolve("chromium.err");
        Path netLog = work.resolve("chromium-net.json");
        Files.deleteIfExists(netLog);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-features=OptimizationGuideModelDownloading,OptimizationHintsFetching,"
                        + "OptimizationTargetPrediction,OptimizationHints,OptimizationGuideOnDeviceModel",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=" + netLog));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 180 s: " + command);
        }
        String stderr = read(err);
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + command + "\n" + stderr);
        return new Run(read(out), stderr, Files.exists(netLog) ? read(netLog) : "");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
