package dev.truce.app;

import java.nio.file.Path;

/** A file the user named, with the label to print in messages (the path as they gave it). */
public record FileRef(Path path, String label) {
    public static FileRef of(Path path) {
        return new FileRef(path, path.toString());
    }
}
