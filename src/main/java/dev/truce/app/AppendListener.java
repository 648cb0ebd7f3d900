package dev.truce.app;

import java.nio.file.Path;

/**
 * Hears about the lock of a log being appended to (evidence add, ack): the CLI says it waits, and tests stop a
 * writer while it holds the lock.
 */
public interface AppendListener {
    AppendListener NONE = new AppendListener() {
    };

    default void waiting(Path lockFile) {
    }

    default void locked() {
    }

    /** The same, as the appender hears it. */
    static dev.truce.yaml.EntryAppender.Listener forAppender(AppendListener listener) {
        return new dev.truce.yaml.EntryAppender.Listener() {
            @Override
            public void waiting(Path lockFile) {
                listener.waiting(lockFile);
            }

            @Override
            public void locked() {
                listener.locked();
            }
        };
    }
}
