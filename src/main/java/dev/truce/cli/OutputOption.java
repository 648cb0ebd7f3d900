package dev.truce.cli;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * -o FILE for commands that produce a document: stdout by default, else the file, replaced whole
 * and atomically so a calendar client or a browser never reads half of it. It refuses to write over
 * a file people edit.
 */
public final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    /** Writes the document; {@code protectedFiles} are the input files, which are never overwritten. */
    void write(CommandSpec spec, Collection<Path> protectedFiles, Consumer<Writer> document) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            document.accept(out);
            out.flush();
            return;
        }
        Path target = TruceCommand.root(spec).context().workingDirectory().resolve(output).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw TruceException.badInput("-o " + output + ": is a directory (expected a file name)");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw TruceException.badInput("-o " + output + ": the folder does not exist");
        }
        for (Path input : protectedFiles) {
            if (input.toAbsolutePath().normalize().equals(target) || sameFile(input, target)) {
                throw TruceException.badInput("-o " + output + ": that is an input file; truce never overwrites it");
            }
        }
        Path temp = null;
        try {
            Path dir = target.getParent();
            // createFile, unlike createTempFile, leaves the permissions to the umask: others may read the output
            temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                document.accept(writer);
            }
            move(temp, target);
        } catch (IOException | UncheckedIOException e) {
            throw TruceException.failure("cannot write " + output + ": " + reason(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Through symbolic and hard links too: the move would replace the person's file. */
    private static boolean sameFile(Path input, Path target) {
        try {
            return Files.exists(target) && Files.exists(input) && Files.isSameFile(input, target);
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return String.valueOf(cause.getMessage());
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden temp file is harmless
        }
    }
}
