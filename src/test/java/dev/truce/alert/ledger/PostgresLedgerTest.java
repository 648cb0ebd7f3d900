package dev.truce.alert.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The ledger on a real PostgreSQL, for the cluster set-up: runs when $TRUCE_TEST_POSTGRES_URL names a
 * database (e.g. jdbc:postgresql://127.0.0.1:5432/ledger?user=truce), whose ledger tables it drops first.
 */
@EnabledIfEnvironmentVariable(named = "TRUCE_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresLedgerTest extends LedgerContract {
    private final ConnectionSource source = ConnectionSource.of(System.getenv("TRUCE_TEST_POSTGRES_URL"), null, null);

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (Connection connection = source.open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS truce_alert_sent, truce_alert_ack, truce_alert_lock");
        }
    }

    @Override
    ConnectionSource source() {
        return source;
    }
}
