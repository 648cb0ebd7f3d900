package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class QuartzSchemaTest {
    @Test
    void createsQuartzsTablesFromTheScriptInTheJarOnceAndOnlyWhenMissing() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        try (Connection connection = database.connect()) {
            assertTrue(QuartzSchema.ensure(connection));
            assertEquals(QuartzSchema.TABLES.size(), qrtzTables(connection));
            try (Statement s = connection.createStatement()) {
                s.execute("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('truce', 'TRIGGER_ACCESS')");
            }
            assertFalse(QuartzSchema.ensure(connection), "tables were made again");
            assertEquals(1, count(connection, "SELECT count(*) FROM qrtz_locks"), "existing rows were touched");
        }
    }

    @Test
    void twoNodesStartingTogetherCreateTheTablesOnce() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> ensure = () -> {
                try (Connection connection = database.connect()) {
                    return QuartzSchema.ensure(connection);
                }
            };
            List<Future<Boolean>> results = pool.invokeAll(List.of(ensure, ensure));
            List<Boolean> created = new ArrayList<>();
            for (Future<Boolean> result : results) {
                created.add(result.get());
            }
            assertEquals(1, created.stream().filter(b -> b).count(), created.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPartialSchemaIsReportedNotDroppedOrPatched() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        try (Connection connection = database.connect()) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE qrtz_locks (sched_name VARCHAR(120) NOT NULL, lock_name VARCHAR(40) NOT NULL)");
            }
            SQLException e = assertThrows(SQLException.class, () -> QuartzSchema.ensure(connection));
            assertTrue(e.getMessage().startsWith("the database has 1 of Quartz's 11 QRTZ_ tables"), e.getMessage());
            assertEquals(1, qrtzTables(connection));
        }
    }

    private static int qrtzTables(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'");
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
