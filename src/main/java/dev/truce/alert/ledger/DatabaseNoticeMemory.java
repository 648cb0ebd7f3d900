package dev.truce.alert.ledger;

import dev.truce.alert.NoticeMemory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@link NoticeMemory} for a cluster, in the shared database: one row per notice kind holding the
 * fingerprint last told about. The claim is one conditional UPDATE, atomic under PostgreSQL's row
 * locking, so of two nodes claiming the same fingerprint exactly one wins.
 */
public final class DatabaseNoticeMemory implements NoticeMemory {
    private final ConnectionSource source;
    private final String name;
    private boolean migrated;

    public DatabaseNoticeMemory(ConnectionSource source, String name) {
        this.source = source;
        this.name = name;
    }

    @Override
    public boolean claim(String fingerprint) {
        return update("UPDATE truce_daemon_notice SET fingerprint = ? WHERE name = ?"
                + " AND (fingerprint IS NULL OR fingerprint <> ?)", fingerprint, name, fingerprint) == 1;
    }

    @Override
    public void release(String fingerprint) {
        update("UPDATE truce_daemon_notice SET fingerprint = NULL WHERE name = ? AND fingerprint = ?", name, fingerprint);
    }

    @Override
    public void clear() {
        update("UPDATE truce_daemon_notice SET fingerprint = NULL WHERE name = ? AND fingerprint IS NOT NULL", name);
    }

    private int update(String sql, String... parameters) {
        try {
            migrate();
        } catch (SQLException e) {
            throw new IllegalStateException("the notice memory in the cluster database failed: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        try (Connection connection = source.open()) {
            connection.setAutoCommit(true);
            ensureRow(connection);
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setString(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the notice memory in the cluster database failed: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The table is the ledger's (migration V2): a daemon may claim a notice before any run opened the ledger. */
    private synchronized void migrate() throws SQLException {
        if (!migrated) {
            Schema.migrate(source);
            migrated = true;
        }
    }

    private void ensureRow(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO truce_daemon_notice (name)"
                + " SELECT CAST(? AS VARCHAR(100)) WHERE NOT EXISTS (SELECT 1 FROM truce_daemon_notice WHERE name = ?)")) {
            insert.setString(1, name);
            insert.setString(2, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {   // another node inserted it first: fine
                throw e;
            }
        }
    }
}
