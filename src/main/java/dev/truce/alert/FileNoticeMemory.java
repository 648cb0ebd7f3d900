package dev.truce.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@link NoticeMemory} for one machine: the fingerprint in a file in the state directory. */
public final class FileNoticeMemory implements NoticeMemory {
    public static final String NAME = "daemon-invalid-file-notice";

    private final Path path;

    public FileNoticeMemory(Path stateDirectory) {
        this.path = stateDirectory.resolve(NAME);
    }

    @Override
    public boolean claim(String fingerprint) {
        if (fingerprint.equals(current())) {
            return false;
        }
        try {
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), NAME, ".tmp");
            Files.writeString(tmp, fingerprint);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public void release(String fingerprint) {
        if (fingerprint.equals(current())) {
            clear();
        }
    }

    @Override
    public void clear() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private String current() {
        try {
            return Files.readString(path).trim();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
