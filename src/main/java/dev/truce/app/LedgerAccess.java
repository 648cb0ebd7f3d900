package dev.truce.app;

import dev.truce.alert.ledger.ConnectionSource;
import dev.truce.config.ClusterDatabase;
import dev.truce.alert.ledger.DamagedLedgerException;
import dev.truce.alert.ledger.EmbeddedLedger;
import dev.truce.alert.ledger.Ledger;
import dev.truce.alert.ledger.LedgerFailures;
import dev.truce.domain.TruceException;
import dev.truce.config.TruceFile;
import dev.truce.yaml.ObligationsFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finding and opening the ledger for the alert use cases, with failures turned into one line a person can
 * act on; and `truce alert --rebuild-ledger`, the one way to replace a damaged embedded ledger.
 */
public final class LedgerAccess {
    private LedgerAccess() {
    }

    /** Work done with the ledger open. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Ledger ledger) throws SQLException, IOException;
    }

    /** The ledger's place: exactly one of the cluster's database and an embedded ledger's directory. */
    record Location(Path state, ClusterDatabase cluster) {
        static Location local(Path state) {
            return new Location(state, null);
        }

        static Location of(ClusterDatabase cluster) {
            return new Location(null, cluster);
        }
    }

    /**
     * Which ledger a command uses. The cluster's database when asked for (--cluster, or a daemon in
     * cluster mode); else the directory when asked for (--state: a person who names a directory
     * wants that one, even on a cluster machine); else what the file says: daemon.cluster, so that
     * `truce alert` and `truce ack` on a cluster machine share the daemons' ledger (never re-sending
     * what a node sent, and silencing the nodes' alerts), else its state directory.
     */
    static Location locate(TruceFile file, LedgerChoice choice, Map<String, String> environment) {
        if (choice.cluster() != null) {
            return Location.of(choice.cluster());
        }
        if (choice.state() != null) {
            return Location.local(choice.state());
        }
        return ClusterDatabase.ofFile(file, environment).map(Location::of)
                .orElseGet(() -> Location.local(file.stateDirectory()));
    }

    /**
     * Where the alert runs keep their other records (the heartbeat, refused addresses): beside an embedded ledger
     * (--state DIR keeps everything there), else in the file's state folder, which `status` and `check` read
     * unless given --state.
     */
    static Path stateFolder(Location ledger, TruceFile file) {
        return ledger.state() != null ? ledger.state() : file.stateDirectory();
    }

    /** Opens the ledger, creating it on first use. */
    static <T> T with(Location location, Consumer<String> notices, Work<T> work) {
        return with(location, notices, work, false);
    }

    /** {@code reading}: an embedded ledger is opened read-only, so reading it leaves its file byte for byte. */
    private static <T> T with(Location location, Consumer<String> notices, Work<T> work, boolean reading) {
        if (location.cluster() != null) {
            return withCluster(location.cluster(), work);
        }
        Path state = location.state();
        try (EmbeddedLedger store = reading ? EmbeddedLedger.openForReading(state, waiting(state, notices))
                : EmbeddedLedger.open(state, waiting(state, notices))) {
            return work.apply(store.ledger());
        } catch (SQLException e) {
            java.util.Optional<String> readOnly = EmbeddedLedger.readOnly(state, e);
            if (readOnly.isPresent()) {
                throw TruceException.failure(readOnlyMessage(EmbeddedLedger.file(state), readOnly.get()), e);
            }
            if (EmbeddedLedger.damagedOr(EmbeddedLedger.file(state), e) instanceof DamagedLedgerException damaged) {
                throw TruceException.failure(damagedMessage(damaged, state), e);
            }
            throw TruceException.failure("the alert ledger in " + state + " failed: " + firstLine(e), e);
        } catch (IOException e) {
            throw TruceException.failure("the alert ledger in " + state + " failed: " + firstLine(e), e);
        }
    }

    private static Runnable waiting(Path state, Consumer<String> notices) {
        return () -> notices.accept("another truce command is using the ledger in " + state + "; waiting for it to finish");
    }

    /** A healthy ledger this user cannot write: read as it is, but no run can record in it (never "damaged"). */
    static String readOnlyMessage(Path file, String why) {
        return "the alert ledger " + file + " is read-only (" + why + "), so truce can read it but cannot record "
                + "in it: nothing was sent or recorded; make the file writable for the user that runs truce, or run "
                + "truce as the file's owner";
    }

    /** One line: which file, what is wrong, that it was not touched, and the two ways out. */
    static String damagedMessage(DamagedLedgerException damaged, Path state) {
        return "the alert ledger " + damaged.file() + " is damaged (" + damaged.reason() + ") and was left as it is, "
                + "so that nothing is sent twice: restore " + state + " from a backup, or run truce alert "
                + "--rebuild-ledger to move the file aside and start an empty ledger (what was sent before may be "
                + "sent again)";
    }

    /**
     * `truce alert --rebuild-ledger`: replaces a damaged embedded ledger with an empty one, keeping the
     * damaged file beside it; refuses a healthy one and a cluster's (bad input). Returns what it did, in
     * one line for a person.
     */
    public static String rebuild(TruceFiles files, FileRef file, LedgerChoice choice,
                                 Map<String, String> environment, Clock clock, Consumer<String> notices) {
        TruceFile truceFile = files.obligations(file);
        Location location = locate(truceFile, choice, environment);
        if (location.cluster() != null) {
            throw TruceException.badInput("--rebuild-ledger: the ledger here is the cluster's database "
                    + location.cluster() + ", which truce does not rebuild: restore it from the database's backup "
                    + "(--state DIR picks a local ledger instead)");
        }
        Path state = location.state();
        EmbeddedLedger.Rebuilt rebuilt;
        try {
            rebuilt = EmbeddedLedger.rebuild(state, clock, waiting(state, notices));
        } catch (SQLException | IOException e) {
            throw TruceException.failure("--rebuild-ledger: the alert ledger in " + state + " failed: " + firstLine(e), e);
        }
        return switch (rebuilt.outcome()) {
            case CREATED -> "there was no ledger in " + state + "; created an empty one at " + rebuilt.ledger();
            case REBUILT -> "moved the damaged ledger " + rebuilt.ledger() + " (" + rebuilt.reason() + ") aside to "
                    + rebuilt.keptAside() + ", where it is kept, and created an empty ledger in its place: the next "
                    + "truce alert sends what is due as news (the acks file is untouched)";
            case HEALTHY -> throw TruceException.badInput("--rebuild-ledger: the ledger " + rebuilt.ledger()
                    + " reads whole, so it was left as it is (nothing to rebuild); to start afresh anyway, move it "
                    + "aside yourself");
        };
    }

    private static <T> T withCluster(ClusterDatabase database, Work<T> work) {
        try (Ledger ledger = Ledger.open(ConnectionSource.of(database))) {
            return work.apply(ledger);
        } catch (SQLException | IOException e) {
            // the database's toString names URL and user, never the password
            throw TruceException.failure("the alert ledger in the cluster database " + database + " failed: "
                    + firstLine(e), e);
        }
    }

    /**
     * Reads the ledger without creating an embedded one: {@code none} when nothing was ever recorded
     * there; an embedded one is read without writing a byte of it (H2 would otherwise compact its file on
     * closing). A cluster's database is opened as the daemons open it (its tables are created if missing).
     */
    static <T> T readIfExists(Location location, Consumer<String> notices, T none, Work<T> work) {
        if (location.cluster() == null && !EmbeddedLedger.exists(location.state())) {
            return none;
        }
        return with(location, notices, work, true);
    }

    private static String firstLine(Exception e) {
        return LedgerFailures.describe(e);
    }
}
