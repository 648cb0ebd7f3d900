package dev.truce.alert.ledger;

import dev.truce.state.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One user of an embedded ledger at a time. An embedded H2 file can be open in one process only, so
 * every process takes an OS file lock on {@code ledger.lock} before opening it; threads of one JVM
 * (where a second file lock would throw) first queue on a lock of their own for the same file.
 */
final class StateLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StateLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Takes the lock, running {@code whenWaiting} once first if someone else holds it. */
    static StateLock acquire(Path lockFile, Runnable whenWaiting) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        boolean told = false;
        if (!threadLock.tryLock()) {
            whenWaiting.run();
            told = true;
            threadLock.lock();
        }
        try {
            OwnerOnly.createDirectories(key.getParent());
            FileChannel channel = open(key);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    if (!told) {
                        whenWaiting.run();
                    }
                    lock = channel.lock();
                }
                return new StateLock(threadLock, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    OwnerOnly.fileAttribute());
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
