package dev.truce.alert.ledger;

import dev.truce.state.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The default ledger: an H2 database file, {@code ledger.mv.db}, in the state directory (.truce beside
 * obligations.yaml). Opening takes the directory's {@link StateLock} and holds it until closed, so the
 * database is closed again (and free for the next process) when this is.
 *
 * <p>The file is never taken for a new database by mistake. H2, given an empty or cut-short file, starts
 * a new database over it without a word; so an existing file is first opened read-only and must show the
 * ledger's tables, else it is refused as {@link DamagedLedgerException} and left as it is. A new ledger
 * is made under another name and moved into place whole, so a file by the ledger's name always held one.
 */
public final class EmbeddedLedger implements AutoCloseable {
    static final String NAME = "ledger";
    static final String FILE = NAME + ".mv.db";
    private static final String NEW_NAME = NAME + "-new";
    /** The tables every ledger has had since 0.1.0; a file without them holds no ledger. */
    private static final List<String> TABLES = List.of("TRUCE_ALERT_SENT", "TRUCE_ALERT_ACK", "TRUCE_ALERT_LOCK");
    /**
     * WRITE_DELAY=0: no background writer, so the store is written only by our own statements, whose
     * errors (a full disk) we see; TRACE_LEVEL_FILE=0: no ledger.trace.db with SQL and values beside it.
     */
    private static final String SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final StateLock lock;
    private final Ledger ledger;

    private EmbeddedLedger(StateLock lock, Ledger ledger) {
        this.lock = lock;
        this.ledger = ledger;
    }

    /** Whether anything was ever recorded here; readers that must not create state check first. */
    public static boolean exists(Path stateDirectory) {
        return Files.exists(file(stateDirectory));
    }

    public static Path file(Path stateDirectory) {
        return stateDirectory.resolve(FILE);
    }

    public static String url(Path stateDirectory) {
        return database(stateDirectory, NAME) + SETTINGS;
    }

    private static String database(Path stateDirectory, String name) {
        return "jdbc:h2:file:" + stateDirectory.toAbsolutePath().normalize().resolve(name);
    }

    /** Opens the ledger, creating it on first use; a damaged file is refused ({@link DamagedLedgerException}). */
    public static EmbeddedLedger open(Path stateDirectory, Runnable whenWaiting) throws IOException, SQLException {
        StateLock lock = StateLock.acquire(stateDirectory.resolve(NAME + ".lock"), whenWaiting);
        try {
            if (exists(stateDirectory)) {
                check(stateDirectory);
            } else {
                create(stateDirectory);
            }
            return new EmbeddedLedger(lock, Ledger.open(ConnectionSource.of(url(stateDirectory), "", "")));
        } catch (SQLException | IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens an existing ledger to read it, without writing a byte to its file: H2 opens it read-only (else it
     * compacts the file on closing). A ledger whose tables an older truce made is brought up to date first, the
     * one write a reader has always made.
     */
    public static EmbeddedLedger openForReading(Path stateDirectory, Runnable whenWaiting) throws IOException, SQLException {
        StateLock lock = StateLock.acquire(stateDirectory.resolve(NAME + ".lock"), whenWaiting);
        try {
            check(stateDirectory);
            ConnectionSource readOnly = ConnectionSource.of(database(stateDirectory, NAME)
                    + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0", "", "");
            ConnectionSource source = Schema.upToDate(readOnly) ? readOnly
                    : ConnectionSource.of(url(stateDirectory), "", "");
            return new EmbeddedLedger(lock, Ledger.open(source));
        } catch (SQLException | IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** What {@link #rebuild} did. {@code keptAside} is where the damaged file went (null if none was moved). */
    public record Rebuilt(Outcome outcome, Path ledger, Path keptAside, String reason) {
        public enum Outcome {
            /** There was no ledger: a new one was made. */
            CREATED,
            /** The file was damaged: moved aside, a new ledger made. */
            REBUILT,
            /** The ledger reads whole: nothing was changed. */
            HEALTHY
        }
    }

    /**
     * `truce alert --rebuild-ledger`: only when the ledger is damaged, moves its file aside to
     * {@code ledger.mv.db.broken-<UTC time>} (kept, never deleted) and makes a new, empty ledger. A healthy
     * ledger (every row of every table read back) is left alone.
     */
    public static Rebuilt rebuild(Path stateDirectory, Clock clock, Runnable whenWaiting) throws IOException, SQLException {
        StateLock lock = StateLock.acquire(stateDirectory.resolve(NAME + ".lock"), whenWaiting);
        try {
            Path file = file(stateDirectory);
            if (!exists(stateDirectory)) {
                create(stateDirectory);
                return new Rebuilt(Rebuilt.Outcome.CREATED, file, null, null);
            }
            try {
                check(stateDirectory);
                readEveryRow(stateDirectory);
                return new Rebuilt(Rebuilt.Outcome.HEALTHY, file, null, null);
            } catch (DamagedLedgerException damaged) {
                Path aside = asideName(stateDirectory, clock);
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                create(stateDirectory);
                return new Rebuilt(Rebuilt.Outcome.REBUILT, file, aside, damaged.reason());
            }
        } finally {
            lock.close();
        }
    }

    private static Path asideName(Path stateDirectory, Clock clock) {
        String stem = FILE + ".broken-" + ASIDE.format(clock.instant());
        Path aside = stateDirectory.resolve(stem);
        for (int n = 2; Files.exists(aside); n++) {
            aside = stateDirectory.resolve(stem + "-" + n);
        }
        return aside;
    }

    /** Refuses a file that is not a readable ledger, without writing a byte to it (read-only). */
    private static void check(Path stateDirectory) throws IOException, SQLException {
        Path file = file(stateDirectory);
        if (Files.size(file) == 0) {
            throw new DamagedLedgerException(file, "it is empty: 0 bytes", null);
        }
        // the store first: on a file with no valid store, H2's JDBC open fails wanting to write a new one, and
        // leaves the file locked inside this JVM (a daemon's next fire would read "already in use")
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            if (store.getMapNames().isEmpty()) {
                throw new DamagedLedgerException(file, "H2 finds no data in it: it is cut short, or not a truce "
                        + "ledger", null);
            }
        } catch (MVStoreException e) {
            throw new DamagedLedgerException(file, "H2 cannot read it: " + e.getMessage().lines().findFirst()
                    .orElse("").replaceAll("\\s*\\[[^]]*]$", ""), e);
        }
        try (Connection connection = readOnly(stateDirectory)) {
            Set<String> tables = new TreeSet<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, null, "TRUCE_%", null)) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
                }
            }
            List<String> missing = new ArrayList<>(TABLES);
            missing.removeAll(tables);
            if (missing.size() == TABLES.size()) {
                throw new DamagedLedgerException(file, "H2 finds no ledger tables in it: it is cut short, or not a "
                        + "truce ledger", null);
            }
            if (!missing.isEmpty()) {
                throw new DamagedLedgerException(file, "the ledger table " + missing.get(0).toLowerCase(Locale.ROOT)
                        + " is missing from it", null);
            }
        } catch (DamagedLedgerException e) {
            throw e;
        } catch (SQLException e) {
            throw damagedOr(file, e);
        }
    }

    /** The rebuild's stricter check: every value of every row read, as H2 only reads pages when asked. */
    private static void readEveryRow(Path stateDirectory) throws SQLException {
        try (Connection connection = readOnly(stateDirectory); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rows.getObject(i);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw damagedOr(file(stateDirectory), e);
        }
    }

    private static Connection readOnly(Path stateDirectory) throws SQLException {
        return DriverManager.getConnection(database(stateDirectory, NAME) + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0",
                "", "");
    }

    /**
     * Why this process cannot write the ledger's file, when {@code e} came from that: the file is whole (it passed
     * the check on opening, so {@code e} is no {@link DamagedLedgerException}) but not writable here, so H2 opened
     * it read-only and refused the first write ("database is read only", the code H2 also gives for a file it
     * would start afresh, which is why it must be told apart from damage here). Empty for any other error.
     */
    public static java.util.Optional<String> readOnly(Path stateDirectory, SQLException e) {
        Path file = file(stateDirectory);
        if (e instanceof DamagedLedgerException || !Files.exists(file) || Files.isWritable(file)) {
            return java.util.Optional.empty();
        }
        try {
            if (Files.getFileStore(file).isReadOnly()) {
                return java.util.Optional.of("its file system is mounted read-only");
            }
        } catch (IOException unknown) {
            // said below, without the file system's part
        }
        return java.util.Optional.of("this user, " + System.getProperty("user.name") + ", cannot write it");
    }

    /** The error as damage of the file if H2 says so (see {@link DamagedLedgerException#damageIn}), else as it is. */
    public static SQLException damagedOr(Path file, SQLException e) {
        if (e instanceof DamagedLedgerException) {
            return e;
        }
        return DamagedLedgerException.damageIn(e).<SQLException>map(reason -> new DamagedLedgerException(file, reason, e))
                .orElse(e);
    }

    /**
     * A new ledger, made whole under another name and then moved into place: a run killed halfway leaves
     * no file by the ledger's name that lacks its tables (which the next run would refuse as damaged).
     */
    private static void create(Path stateDirectory) throws IOException, SQLException {
        OwnerOnly.createDirectories(stateDirectory);
        Path fresh = stateDirectory.resolve(NEW_NAME + ".mv.db");
        Files.deleteIfExists(fresh); // left by a creation cut short: never more than empty tables
        Ledger.open(ConnectionSource.of(database(stateDirectory, NEW_NAME) + SETTINGS, "", "")).close();
        OwnerOnly.restrict(fresh);
        Files.move(fresh, file(stateDirectory), StandardCopyOption.ATOMIC_MOVE);
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
