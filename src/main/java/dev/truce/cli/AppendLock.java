package dev.truce.cli;

import dev.truce.app.AppendListener;
import dev.truce.domain.TruceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** What a command that appends to a log (evidence add, ack) says about the log's lock, and its test hook. */
final class AppendLock {
    /** Test-only: set, the command stops for good once it holds the lock, so a test can kill it there. */
    static final String PAUSE_AFTER_LOCK = "TRUCE_TEST_PAUSE_AFTER_LOCK";

    private AppendLock() {
    }

    /** Says on stderr that {@code command} waits for the lock; paused after locking when the test variable is set. */
    static AppendListener listener(TruceCommand root, PrintWriter err, String command) {
        boolean pause = root.context().env(PAUSE_AFTER_LOCK).isPresent();
        return new AppendListener() {
            @Override
            public void waiting(Path lockFile) {
                err.println("truce: waiting for another " + command + " to finish (lock " + lockFile + ")");
                err.flush();
            }

            @Override
            public void locked() {
                if (pause) {
                    err.println("truce: " + PAUSE_AFTER_LOCK + ": holding the lock until killed");
                    err.flush();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw TruceException.failure("interrupted while paused by " + PAUSE_AFTER_LOCK, e);
                    }
                }
            }
        };
    }
}
