package dev.truce.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * truce as a separate JVM, for what only a process shows: signals, exit codes after a shutdown, the
 * classes a command loads. Runs dev.truce.Main on the test class path with the launcher's JVM flags;
 * stderr and stdout lines are collected as they come, so a test can wait for a line.
 */
final class TruceProcess implements AutoCloseable {
    static final List<String> LAUNCHER_FLAGS = List.of("-Xms8m", "-Xmx2g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m");

    private final Process process;
    private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();

    private TruceProcess(Process process) {
        this.process = process;
        pumps.add(pump(process.getErrorStream(), line -> {
            err.add(line);
            errLines.add(line);
        }));
        pumps.add(pump(process.getInputStream(), out::add));
    }

    /** truce as the launcher starts it: its JVM flags, no TRUCE_ variable from this environment. */
    static TruceProcess start(Path dir, String... args) throws IOException {
        return start(dir, Map.of(), LAUNCHER_FLAGS, args);
    }

    static TruceProcess start(Path dir, Map<String, String> env, List<String> jvmFlags, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.truce.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRUCE_"));
        builder.environment().putAll(env);
        if (!env.containsKey("TRUCE_CACHE_DIR")) {
            builder.environment().putIfAbsent("TRUCE_CACHE", "off"); // no entries in the home folder of whoever runs the tests
        }
        return new TruceProcess(builder.start());
    }

    private static Thread pump(InputStream stream, Consumer<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "truce-process-pump");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits for a stderr line that matches; fails with everything seen so far if none comes in time. */
    String awaitErr(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = errLines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no such line on stderr within " + timeout + "; stderr so far:\n"
                        + String.join("\n", err) + "\nalive: " + process.isAlive() + (process.isAlive() ? "" : ", exit " + process.exitValue()));
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Forgets the stderr lines not yet waited for: the next {@link #awaitErr} sees only lines that come after this. */
    void skipErrSoFar() {
        errLines.clear();
    }

    /**
     * SIGTERM, as systemd stops a service. Through the process handle: Process.destroy() would also
     * close our ends of its pipes, and the lines it logs while stopping would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; stderr:\n" + String.join("\n", err));
        }
        for (Thread pump : pumps) {
            pump.join(timeout.toMillis());   // the last lines may still be in the pipe
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    List<String> err() {
        return List.copyOf(err);
    }

    List<String> out() {
        return List.copyOf(out);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
