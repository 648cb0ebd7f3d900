package dev.truce.app;

import dev.truce.alert.ledger.ConnectionSource;
import dev.truce.alert.ledger.EmbeddedLedger;
import dev.truce.alert.ledger.Ledger;
import dev.truce.domain.TruceException;
import dev.truce.yaml.TruceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Opening the ledger for the alert use cases, with failures turned into one line a person can act on. */
final class LedgerAccess {
    private LedgerAccess() {
    }

    /** Work done with the ledger open. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Ledger ledger) throws SQLException, IOException;
    }

    /** --state, else the file's state directory (.truce beside it, or its `state:` key). */
    static Path stateDirectory(TruceFile file, Path override) {
        return override != null ? override : file.stateDirectory();
    }

    /** Opens the ledger, creating it on first use. */
    static <T> T with(Path state, Consumer<String> notices, Work<T> work) {
        try (EmbeddedLedger store = EmbeddedLedger.open(state, () -> notices.accept(
                "another truce command is using the ledger in " + state + "; waiting for it to finish"))) {
            return work.apply(store.ledger());
        } catch (SQLException | IOException e) {
            throw failure(state, e);
        }
    }

    /** Opens the ledger in {@code database} when given (a cluster's), else the embedded one in {@code state}. */
    static <T> T with(Path state, ConnectionSource database, Consumer<String> notices, Work<T> work) {
        if (database == null) {
            return with(state, notices, work);
        }
        try (Ledger ledger = Ledger.open(database)) {
            return work.apply(ledger);
        } catch (SQLException | IOException e) {
            String detail = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw TruceException.failure("the alert ledger in the cluster database failed: " + detail, e);
        }
    }

    /** Reads the ledger without creating it: {@code none} when nothing was ever recorded. */
    static <T> T readIfExists(Path state, Consumer<String> notices, T none, Work<T> work) {
        return EmbeddedLedger.exists(state) ? with(state, notices, work) : none;
    }

    static TruceException failure(Path state, Exception e) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return TruceException.failure("the alert ledger in " + state + " failed: " + detail, e);
    }
}
