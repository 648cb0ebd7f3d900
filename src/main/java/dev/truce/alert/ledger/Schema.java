package dev.truce.alert.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The ledger's tables, brought to the current version by Flyway from the SQL scripts in db/ledger on
 * the class path, on H2 and PostgreSQL alike. Plain SQL that both take: instants are TIMESTAMP WITH
 * TIME ZONE written as UTC, no vendor types, no MERGE/UPSERT.
 *
 * <p>A ledger written by truce 0.1.0 has the tables but no history: Flyway baselines it at version 0
 * and V1 (all IF NOT EXISTS) runs over it, so nothing is recreated, and a ledger whose creation was cut
 * short is completed. Nodes of a cluster starting together on a fresh database take turns: one
 * PostgreSQL advisory lock is held around the whole migration, so only the first creates anything and
 * the others find the history up to date. (Flyway's own lock does not cover this: without ours, the
 * second of two nodes fails with "Unable to baseline schema history table ... as it already exists, and
 * is empty", as PostgresLedgerTest showed.)
 */
final class Schema {
    static final String LOCK_NAME_PREFIX = "alert-run:";
    static final String HISTORY_TABLE = "truce_schema_history";
    static final String LOCATION = "classpath:db/ledger";
    /** The highest V<n>__ script in db/ledger (LedgerTest checks it): a ledger at it needs no Flyway at all. */
    static final int LATEST_VERSION = 2;

    /** Any 64-bit number that no other user of the cluster's database locks with: "truce-ledger-schema". */
    private static final long MIGRATION_LOCK = 0x7472756365_4c53L;

    private Schema() {
    }

    static void migrate(ConnectionSource source) throws SQLException {
        try (Connection lock = source.open()) {
            if (upToDate(lock)) {
                return;
            }
            boolean postgres = lock.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (postgres) {
                advisory(lock, "SELECT pg_advisory_lock(?)");
            }
            try {
                flyway(source).migrate();
            } catch (FlywayException e) {
                throw new SQLException("cannot bring the ledger's tables up to date: " + firstLine(e),
                        e.getCause() instanceof SQLException s ? s.getSQLState() : null, e);
            } finally {
                if (postgres) {
                    advisory(lock, "SELECT pg_advisory_unlock(?)");
                }
            }
        }
    }

    /**
     * Whether the history says every script ran, read with one query: starting Flyway (it scans the class
     * path) would cost most of a second on every `truce alert` and `truce ack` for nothing. Scripts a newer
     * truce added are left alone, as Flyway would. Any doubt (no history yet, a failed script) means Flyway.
     */
    /** {@link #upToDate(Connection)} on a connection of its own. */
    static boolean upToDate(ConnectionSource source) throws SQLException {
        try (Connection connection = source.open()) {
            return upToDate(connection);
        }
    }

    private static boolean upToDate(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE + "\"")) {
            int highest = -1;
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                String version = rows.getString(1);
                if (version != null) {
                    highest = Math.max(highest, Integer.parseInt(version));
                }
            }
            return highest >= LATEST_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private static Flyway flyway(ConnectionSource source) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(new SourceDataSource(source))
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("ledger written before migrations (truce 0.1.0)")
                .cleanDisabled(true)
                .loggers(SilentFlywayLog.class.getName())
                .load();
    }

    private static void advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, MIGRATION_LOCK);
            statement.execute();
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("-")).findFirst()
                .orElse(message);
    }

    /** Flyway wants a DataSource; the ledger has a {@link ConnectionSource}. */
    private record SourceDataSource(ConnectionSource source) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return source.open();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return source.open();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
