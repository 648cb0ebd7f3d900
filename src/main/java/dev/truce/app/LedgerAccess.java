package dev.truce.app;

import dev.truce.alert.ledger.ClusterDatabase;
import dev.truce.alert.ledger.EmbeddedLedger;
import dev.truce.alert.ledger.Ledger;
import dev.truce.domain.TruceException;
import dev.truce.config.TruceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;

/** Finding and opening the ledger for the alert use cases, with failures turned into one line a person can act on. */
final class LedgerAccess {
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

    /** Opens the ledger, creating it on first use. */
    static <T> T with(Location location, Consumer<String> notices, Work<T> work) {
        if (location.cluster() != null) {
            return withCluster(location.cluster(), work);
        }
        Path state = location.state();
        try (EmbeddedLedger store = EmbeddedLedger.open(state, () -> notices.accept(
                "another truce command is using the ledger in " + state + "; waiting for it to finish"))) {
            return work.apply(store.ledger());
        } catch (SQLException | IOException e) {
            throw TruceException.failure("the alert ledger in " + state + " failed: " + firstLine(e), e);
        }
    }

    private static <T> T withCluster(ClusterDatabase database, Work<T> work) {
        try (Ledger ledger = Ledger.open(database.source())) {
            return work.apply(ledger);
        } catch (SQLException | IOException e) {
            // the database's toString names URL and user, never the password
            throw TruceException.failure("the alert ledger in the cluster database " + database + " failed: "
                    + firstLine(e), e);
        }
    }

    /**
     * Reads the ledger without creating an embedded one: {@code none} when nothing was ever recorded
     * there. A cluster's database is opened as the daemons open it (its tables are created if missing).
     */
    static <T> T readIfExists(Location location, Consumer<String> notices, T none, Work<T> work) {
        if (location.cluster() == null && !EmbeddedLedger.exists(location.state())) {
            return none;
        }
        return with(location, notices, work);
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    }
}
