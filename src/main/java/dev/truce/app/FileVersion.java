package dev.truce.app;

import dev.truce.app.ChangesReport.Origin;
import dev.truce.domain.TruceException;
import dev.truce.history.GitHistory;
import dev.truce.history.TextSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files as they stood in one version: in the working tree, in a commit, in a snapshot. Each says, for a
 * path, the file's bytes or that it did not exist; or that it cannot say ({@link NotKept}).
 */
interface FileVersion {
    /** The bytes at {@code path} in this version; empty when there was no such file. */
    Optional<byte[]> read(Path path, String label);

    /** Added to file names in messages: "@1a2b3c4" for a commit, "" for the working tree. */
    String suffix();

    Origin origin();

    /** This version cannot say what the file held (it lies outside the repository, or was not in the snapshot). */
    final class NotKept extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotKept(String message) {
            super(message, null, false, false);
        }
    }

    /** The files on disk now. */
    static FileVersion workingTree() {
        return new FileVersion() {
            @Override
            public Optional<byte[]> read(Path path, String label) {
                if (!Files.exists(path)) {
                    return Optional.empty();
                }
                if (!Files.isRegularFile(path)) {
                    throw TruceException.badInput(label + ": is not a regular file");
                }
                try {
                    return Optional.of(Files.readAllBytes(path));
                } catch (IOException e) {
                    throw TruceException.failure(label + ": cannot read: " + e.getMessage(), e);
                }
            }

            @Override
            public String suffix() {
                return "";
            }

            @Override
            public Origin origin() {
                return Origin.NOT_COMMITTED;
            }
        };
    }

    /** The files as committed; {@code commit} empty: before the first commit, when no file existed. */
    static FileVersion commit(GitHistory git, Optional<GitHistory.Commit> commit, long maxBytes) {
        return new FileVersion() {
            @Override
            public Optional<byte[]> read(Path path, String label) {
                if (commit.isEmpty()) {
                    return Optional.empty();
                }
                String inRepository = git.pathOf(path).orElseThrow(() -> new NotKept(label
                        + " is outside the git repository, so its history is not compared"));
                return git.read(commit.get(), inRepository, maxBytes, label + suffix());
            }

            @Override
            public String suffix() {
                return commit.map(c -> "@" + c.shortId()).orElse("");
            }

            @Override
            public Origin origin() {
                return commit.map(Origin::of).orElse(Origin.NOT_COMMITTED);
            }
        };
    }

    /** The files as a snapshot kept them; paths in it are relative to {@code directory}, obligations.yaml's folder. */
    static FileVersion snapshot(TextSnapshot snapshot, Path directory) {
        return new FileVersion() {
            @Override
            public Optional<byte[]> read(Path path, String label) {
                String key = key(directory, path);
                if (!snapshot.keeps(key)) {
                    throw new NotKept(label + " was not in the snapshot, so its changes are not compared");
                }
                return snapshot.content(key);
            }

            @Override
            public String suffix() {
                return " (snapshot)";
            }

            @Override
            public Origin origin() {
                return Origin.NOT_COMMITTED;
            }
        };
    }

    /** A path as a snapshot names it: relative to obligations.yaml's folder, '/'-separated, links resolved. */
    static String key(Path directory, Path path) {
        Path base = real(directory);
        Path file = real(path.toAbsolutePath().getParent()).resolve(path.getFileName());
        List<String> parts = new ArrayList<>();
        base.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
