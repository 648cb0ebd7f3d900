package dev.truce;

import dev.truce.cli.Cli;
import dev.truce.cli.Context;
import dev.truce.history.GitHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The training run of scripts/truce, never a user's: one JVM runs the common command lines in-process, through
 * {@link Cli#run} as {@link Main} does, so that the JVM the launcher starts it in can record what they load (a
 * class-data-sharing archive on Java 17, an AOT cache from Java 25) for every later start. It works on copies, in
 * a temporary folder: the shipped file given as the argument (with the evidence.yaml beside it), the same committed
 * to a git repository made there (for `truce changes`), and a generated file of {@value #OBLIGATIONS} obligations. Output is discarded; nothing is sent (alert --dry-run); the parse
 * cache is the temporary folder's. Exit 0 only when every command did what it should, so that a launcher keeps
 * no archive of a run that failed half-way.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=truce.jsa -cp truce.jar dev.truce.Training obligations.yaml}
 */
public final class Training {
    static final int OBLIGATIONS = 10_000;
    static final int EVIDENCE_PER_OBLIGATION = 2;

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: dev.truce.Training OBLIGATIONS_FILE (run by scripts/truce to train its archive)");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("truce-training");
        List<String> failures;
        try {
            failures = train(Path.of(args[0]), work, OBLIGATIONS, System.out);
        } finally {
            delete(work);
        }
        failures.forEach(System.err::println);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /**
     * Runs every command line on copies in {@code work}, the generated file with {@code obligations} obligations;
     * returns what failed (empty when all went well).
     */
    static List<String> train(Path shipped, Path work, int obligations, java.io.PrintStream log) throws IOException {
        Path shippedCopy = Files.createDirectories(work.resolve("shipped"));
        Files.copy(shipped, shippedCopy.resolve("obligations.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Path evidence = shipped.resolveSibling("evidence.yaml");
        if (Files.isRegularFile(evidence)) {
            Files.copy(evidence, shippedCopy.resolve("evidence.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path large = work.resolve("large");
        new TrainingFiles(obligations, 42).write(large, EVIDENCE_PER_OBLIGATION);

        Map<String, String> environment = Map.of("TRUCE_CACHE_DIR", work.resolve("cache").toString());
        // the shipped file as a user runs it, today; the generated one on the day its data is about
        Context today = new Context(Clock.systemUTC(), environment, shippedCopy);
        Context generated = new Context(Clock.fixed(ZonedDateTime.of(TrainingFiles.NOW, LocalTime.NOON, TrainingFiles.ZONE)
                .toInstant(), TrainingFiles.ZONE), environment, large);

        List<String> failures = new ArrayList<>();
        Runner runner = new Runner(log, failures);
        runner.run(today, Set.of(0), "--version");
        runner.run(today, Set.of(0), "--help");
        commands(runner, today, work.resolve("state-shipped"), "--hts", "8505.11.0070");
        commands(runner, generated, work.resolve("state-large"), "--products", "products.csv");
        changes(runner, shippedCopy, work.resolve("git"), environment, work.resolve("state-git"), failures);
        return failures;
    }

    /**
     * `truce changes` in a git repository, as in the shipped checkout: a copy of the shipped files committed twice
     * (the second commit edits obligations.yaml), then a first run, a run with nothing new, and one --since a
     * revision, so that the archive holds what reading a repository loads (JGit's classes, the comparison's).
     */
    private static void changes(Runner runner, Path shipped, Path repository, Map<String, String> environment,
                                Path state, List<String> failures) {
        try {
            Files.createDirectories(repository);
            try (Stream<Path> files = Files.list(shipped)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, repository.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            GitHistory.isolate();
            try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
                PersonIdent who = new PersonIdent("truce training", "training@truce.invalid");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("The shipped files").setAuthor(who).setCommitter(who).setSign(false).call();
                Path obligations = repository.resolve("obligations.yaml");
                Files.writeString(obligations, "# edited\n", StandardOpenOption.APPEND);
                git.add().addFilepattern(".").call();
                git.commit().setMessage("An edit").setAuthor(who).setCommitter(who).setSign(false).call();
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            failures.add("training: cannot make a git repository in " + repository + ": " + e);
            return;
        }
        Context context = new Context(Clock.systemUTC(), environment, repository);
        runner.run(context, Set.of(0), "changes", "--state", state.toString());
        runner.run(context, Set.of(0), "changes", "--state", state.toString());
        runner.run(context, Set.of(0), "changes", "--since", "HEAD~1", "--format", "json", "--state", state.toString());
    }

    private static void commands(Runner runner, Context context, Path state, String... products) {
        String id = runner.firstId(context);
        runner.run(context, Set.of(0), "status");
        runner.run(context, Set.of(0), "--no-color", "status", "--format", "json");
        runner.run(context, Set.of(0), "status", "--within", "30", "--overdue");
        runner.run(context, Set.of(0), "show", id);
        runner.run(context, Set.of(0), "show", "--truce");
        runner.run(context, Set.of(0), "validate");
        runner.run(context, Set.of(0, 1, 2), "check");   // OK, WARNING or CRITICAL: it read the file
        runner.run(context, Set.of(0), Stream.concat(Stream.of("exposure"), Stream.of(products)).toArray(String[]::new));
        runner.run(context, Set.of(0), "alert", "--dry-run", "--state", state.toString());
    }

    /** Runs command lines through {@link Cli#run}, output discarded, and notes each one's time or failure. */
    private record Runner(java.io.PrintStream log, List<String> failures) {
        void run(Context context, Set<Integer> expected, String... args) {
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = Cli.run(context, new PrintWriter(Writer.nullWriter()), new PrintWriter(err), args);
            log.printf("training: truce %s: exit %d, %d ms%n", String.join(" ", args), code,
                    (System.nanoTime() - start) / 1_000_000);
            if (!expected.contains(code)) {
                failures.add("training: truce " + String.join(" ", args) + " in " + context.workingDirectory()
                        + " exited " + code + ": " + err.toString().strip());
            }
        }

        /** The file's first obligation id, from `truce ids`. */
        String firstId(Context context) {
            StringWriter out = new StringWriter();
            int code = Cli.run(context, new PrintWriter(out), new PrintWriter(Writer.nullWriter()), "ids");
            String first = out.toString().lines().findFirst().orElse("");
            if (code != 0 || first.isEmpty()) {
                failures.add("training: truce ids in " + context.workingDirectory() + " exited " + code + " with no id");
            }
            return first;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("training: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
