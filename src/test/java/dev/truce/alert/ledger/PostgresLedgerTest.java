package dev.truce.alert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.schedule.ClusterDatabase;
import dev.truce.schedule.Postgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract on a real PostgreSQL, where a daemon cluster keeps the ledger: the embedded
 * server the cluster tests use (started once per test run), a fresh database for each test.
 */
class PostgresLedgerTest extends LedgerContract {
    private final ClusterDatabase database = Postgres.freshDatabase();
    private final ConnectionSource source = ConnectionSource.of(database.url(), database.user(), database.password());

    @Override
    ConnectionSource source() {
        return source;
    }

    @Test
    void twoNodesOpeningAFreshDatabaseAtOnceBothGetALedger() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> open = () -> {
                try (Ledger ledger = Ledger.open(source)) {
                    return ledger.sent("t").isEmpty();
                }
            };
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(List.of(open, open))) {
                results.add(f.get());
            }
            assertEquals(List.of(true, true), results);
        } finally {
            pool.shutdown();
        }
    }
}
