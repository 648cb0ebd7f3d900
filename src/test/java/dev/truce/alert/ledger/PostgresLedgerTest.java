package dev.truce.alert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.alert.ledger.ClusterDatabase;
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
