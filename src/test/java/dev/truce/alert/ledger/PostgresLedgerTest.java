package dev.truce.alert.ledger;

import dev.truce.config.ClusterDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.schedule.Postgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract on a real PostgreSQL, where a daemon cluster keeps the ledger: the embedded
 * server the cluster tests use (started once per test run), a fresh database for each test.
 */
@Tag("slow")
class PostgresLedgerTest extends LedgerContract {
    private final ClusterDatabase database = Postgres.freshDatabase();
    private final ConnectionSource source = ConnectionSource.of(database.url(), database.user(), database.password());

    @Override
    ConnectionSource source() {
        return source;
    }

    /**
     * Nodes upgraded from 0.1.0 starting together on the cluster's database, where Quartz's tables and
     * 0.1.0's ledger are: each opens the same migrated ledger, with what 0.1.0 recorded; one baseline.
     */
    @Test
    void nodesUpgradingTogetherShareOneMigratedLedger() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                ClusterDatabase fresh = Postgres.freshDatabase();
                ConnectionSource shared = ConnectionSource.of(fresh.url(), fresh.user(), fresh.password());
                try (java.sql.Connection connection = shared.open(); java.sql.Statement quartz = connection.createStatement()) {
                    // as Quartz's tables are there first: the schema is not empty, yet holds no history
                    quartz.execute("CREATE TABLE qrtz_locks (sched_name VARCHAR(120) NOT NULL, lock_name VARCHAR(40) NOT NULL)");
                }
                writeVersion010Ledger(shared);
                CyclicBarrier together = new CyclicBarrier(4);
                Callable<List<dev.truce.alert.SentAlert>> open = () -> {
                    together.await();
                    try (Ledger ledger = Ledger.open(shared)) {
                        return ledger.sent("t");
                    }
                };
                for (Future<List<dev.truce.alert.SentAlert>> f : pool.invokeAll(List.of(open, open, open, open))) {
                    assertEquals(List.of(OLD_SENT), f.get(), "round " + round);
                }
                assertEquals(List.of("0 ledger written before migrations (truce 0.1.0) true", "1 ledger true",
                        "2 sending and notices true"), history(shared), "round " + round);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Nodes starting together on a fresh database: every one gets a ledger (a few rounds, since it is a race). */
    @Test
    void nodesOpeningAFreshDatabaseAtOnceAllGetALedger() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                ClusterDatabase fresh = Postgres.freshDatabase();
                ConnectionSource shared = ConnectionSource.of(fresh.url(), fresh.user(), fresh.password());
                CyclicBarrier together = new CyclicBarrier(4);
                Callable<Boolean> open = () -> {
                    together.await();
                    try (Ledger ledger = Ledger.open(shared)) {
                        return ledger.sent("t").isEmpty();
                    }
                };
                List<Boolean> results = new ArrayList<>();
                for (Future<Boolean> f : pool.invokeAll(List.of(open, open, open, open))) {
                    results.add(f.get());
                }
                assertEquals(List.of(true, true, true, true), results, "round " + round);
            }
        } finally {
            pool.shutdown();
        }
    }
}
