package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A copy of the checkout for running scripts/truce in a test: the launcher, the shipped files, and a target/truce.jar
 * that is up to date (no src/ or pom.xml beside it, so the launcher never builds). The jar is either a stand-in
 * (any bytes, for a stand-in java) or {@link #realJar}: this build's classes, with the dependencies named in its
 * manifest's Class-Path, so that a real JVM can run it with -jar and archive it as it would the shaded jar.
 */
final class LauncherCheckout {
    final Path root;
    final Map<String, String> environment = new HashMap<>();

    LauncherCheckout(Path root, Path jar) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("scripts"));
        Files.createDirectories(root.resolve("target"));
        Files.copy(Path.of("scripts/truce"), root.resolve("scripts/truce"));
        Files.copy(Path.of("obligations.yaml"), root.resolve("obligations.yaml"));
        Files.copy(Path.of("evidence.yaml"), root.resolve("evidence.yaml"));
        Files.copy(jar, root.resolve("target/truce.jar"));
        environment.put("HOME", root.resolve("home").toString());
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        environment.put("TRUCE_CACHE", "off");
        environment.put("TRUCE_JDK_DIRS", "");
    }

    record Run(int code, String out, String err) {
    }

    /** Runs scripts/truce with {@code args} in {@code directory}, with only {@link #environment} (and LANG). */
    Run run(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/truce").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "scripts/truce still running after 300 s");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The archives the launcher made (target/archives, without logs and markers). */
    List<Path> archives() throws IOException {
        Path dir = root.resolve("target/archives");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")).sorted().toList();
        }
    }

    /** A jar of target/classes whose manifest names the dependencies on this test's class path. */
    static Path realJar(Path dir) throws IOException {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        Path classes = entries.stream().map(Path::of).filter(p -> p.endsWith(Path.of("target", "classes"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no target/classes on the class path"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.truce.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries.stream()
                .filter(e -> e.endsWith(".jar")).map(e -> Path.of(e).toUri().toString()).toList()));
        Path jar = Files.createDirectories(dir).resolve("truce.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Writes an executable script. */
    static Path script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
