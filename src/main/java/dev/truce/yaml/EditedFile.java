package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The safe way to change a file a person edits (obligations.yaml): locked, checked, replaced atomically.
 *
 * <ol>
 *   <li>{@link #lock} follows a symbolic link to the real file (the link stays a link) and refuses a file with
 *       more than one hard link (the rename would cut this name off from the others), a directory, a FIFO or
 *       device, a missing file. It then takes an exclusive lock on the sidecar {@code .NAME.lock} beside the
 *       real file: a sidecar because on POSIX closing any handle on a locked file drops its lock, plus a
 *       JVM-wide semaphore since one JVM cannot lock a file twice. Only truce takes this lock.</li>
 *   <li>{@link #replace} writes a temporary file beside the real one, forces it to disk, gives it the file's
 *       permissions, owner and group (or refuses, writing nothing), reads the file again and refuses if it
 *       changed since {@link #bytes()} read it, renames the temporary file over it (atomic: a reader sees the
 *       old file or the new one) and forces the directory. On any failure the temporary file is deleted and
 *       the file is as it was.</li>
 * </ol>
 *
 * A crash leaves the old file, or the new one once renamed; never half of either. The lock dies with the
 * process, so a stale sidecar blocks nothing; a temporary file left by a killed writer
 * ({@code .NAME.<uuid>.tmp}) is deleted by the next {@link #lock}, which is safe because no living truce
 * writer can hold one then. What no lock can prevent: a text editor that still holds the old text and saves
 * it after truce wrote overwrites truce's change (reload the file in the editor first).
 */
public final class EditedFile implements AutoCloseable {
    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    /** Hears about the lock and the write; the CLI says it waits, tests pause a writer before its rename. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void waiting(Path lockFile) {
        }

        default void locked() {
        }

        default void beforeRename(Path temp) {
        }
    }

    private final Path target;
    private final String label;
    private final Listener listener;
    private final Semaphore turn;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private byte[] content;
    private boolean closed;

    private EditedFile(Path target, String label, Listener listener, Semaphore turn, FileChannel lockChannel,
                       FileLock lock) {
        this.target = target;
        this.label = label;
        this.listener = listener;
        this.turn = turn;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Locks the file {@code path} names (through symbolic links), waiting for another truce that holds it. */
    public static EditedFile lock(Path path, String label, Listener listener) {
        Path target = RealFiles.of(path, label);
        Path lockFile = lockFileOf(target);
        Semaphore turn = IN_THIS_JVM.computeIfAbsent(lockFile, key -> new Semaphore(1));
        boolean waited = !turn.tryAcquire();
        if (waited) {
            listener.waiting(lockFile);
            turn.acquireUninterruptibly();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!waited) {
                    listener.waiting(lockFile);
                }
                lock = channel.lock();
            }
            EditedFile file = new EditedFile(target, label, listener, turn, channel, lock);
            listener.locked();
            file.content = RealFiles.read(target, label);
            TemporaryFiles.removeLeftovers(target);
            return file;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            turn.release();
            throw e instanceof RuntimeException r ? r
                    : TruceException.failure(label + ": cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** The sidecar lock file of {@code realFile}; ignored by git ({@code .*.yaml.lock}). */
    public static Path lockFileOf(Path realFile) {
        return realFile.resolveSibling("." + realFile.getFileName() + ".lock");
    }

    /** The real file written, after symbolic links. */
    public Path target() {
        return target;
    }

    /** The file's content as read under the lock (after a {@link #replace}, what it wrote). */
    public byte[] bytes() {
        return content.clone();
    }

    /** Replaces the file's content; refused, writing nothing, if the file changed since it was read. */
    public void replace(byte[] newContent) {
        if (closed) {
            throw new IllegalStateException("the lock on " + target + " was released");
        }
        Path temp = null;
        try {
            PosixFileAttributes original = Files.readAttributes(target, PosixFileAttributes.class);
            temp = TemporaryFiles.write(target, newContent);
            RealFiles.giveOwnership(temp, original, label);
            if (!Arrays.equals(RealFiles.read(target, label), content)) {
                throw RealFiles.refused(label + ": changed since it was read: nothing was written; run the command again");
            }
            RealFiles.singleLink(target, label);
            listener.beforeRename(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            TemporaryFiles.syncDirectory(target.getParent());
            content = newContent.clone();
        } catch (IOException e) {
            throw TruceException.failure(label + ": cannot write: " + RealFiles.reason(e) + "; the file is as it was", e);
        } finally {
            if (temp != null) {
                TemporaryFiles.deleteQuietly(temp);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        } finally {
            closeQuietly(lockChannel);
            turn.release();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
