package dev.truce.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates Quartz's tables on PostgreSQL when they are missing, from the script that ships inside
 * the Quartz jar, so the schema always matches the Quartz that runs. Two nodes starting together
 * take turns through an advisory lock; PostgreSQL's DDL is transactional, so a failure leaves
 * nothing half made.
 */
final class QuartzSchema {
    static final String TABLE_PREFIX = "QRTZ_";
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    static final List<String> TABLES = List.of("job_details", "triggers", "simple_triggers", "cron_triggers",
            "simprop_triggers", "blob_triggers", "calendars", "paused_trigger_grps", "fired_triggers",
            "scheduler_state", "locks");
    /** An arbitrary key for pg_advisory_xact_lock: "truce" in ASCII. */
    private static final long LOCK_KEY = 0x7472756365L;

    private QuartzSchema() {
    }

    /** Returns true when it created the tables, false when they were all there. */
    static boolean ensure(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            int present = presentTables(connection);
            if (present == TABLES.size()) {
                connection.commit();
                return false;
            }
            if (present > 0) {
                throw new SQLException("the database has " + present + " of Quartz's " + TABLES.size()
                        + " " + TABLE_PREFIX + " tables; finish or drop the partial schema (" + SCRIPT + " in the Quartz jar)");
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : creationStatements()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int presentTables(Connection connection) throws SQLException {
        String sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name = ANY (?)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("varchar",
                    TABLES.stream().map(t -> (TABLE_PREFIX + t).toLowerCase(Locale.ROOT)).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * The script's CREATE statements. Its DROPs are skipped (there is nothing to drop, and a
     * script that drops must never run against a live schema) and so is its COMMIT (ours is the
     * transaction).
     */
    static List<String> creationStatements() {
        List<String> statements = new ArrayList<>();
        for (String part : script().split(";")) {
            String sql = withoutComments(part).trim();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (upper.startsWith("CREATE ")) {
                statements.add(sql);
            } else if (!sql.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                throw new IllegalStateException("unexpected statement in " + SCRIPT + ": " + sql);
            }
        }
        return statements;
    }

    private static String withoutComments(String sql) {
        StringBuilder kept = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static String script() {
        try (InputStream in = QuartzSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the class path (is the Quartz jar complete?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
