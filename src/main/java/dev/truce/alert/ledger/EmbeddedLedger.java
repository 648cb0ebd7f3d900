package dev.truce.alert.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The default ledger: an H2 database file, {@code ledger.mv.db}, in the state directory (.truce beside
 * obligations.yaml). Opening takes the directory's {@link StateLock} and holds it until closed, so the
 * database is closed again (and free for the next process) when this is.
 */
public final class EmbeddedLedger implements AutoCloseable {
    static final String NAME = "ledger";

    private final StateLock lock;
    private final Ledger ledger;

    private EmbeddedLedger(StateLock lock, Ledger ledger) {
        this.lock = lock;
        this.ledger = ledger;
    }

    /** Whether anything was ever recorded here; readers that must not create state check first. */
    public static boolean exists(Path stateDirectory) {
        return Files.isRegularFile(stateDirectory.resolve(NAME + ".mv.db"));
    }

    public static String url(Path stateDirectory) {
        return "jdbc:h2:file:" + stateDirectory.toAbsolutePath().normalize().resolve(NAME);
    }

    public static EmbeddedLedger open(Path stateDirectory, Runnable whenWaiting) throws IOException, SQLException {
        StateLock lock = StateLock.acquire(stateDirectory.resolve(NAME + ".lock"), whenWaiting);
        try {
            return new EmbeddedLedger(lock, Ledger.open(ConnectionSource.of(url(stateDirectory), "", "")));
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() throws IOException, SQLException {
        try {
            ledger.close();
        } finally {
            lock.close();
        }
    }
}
