package dev.truce.alert.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * A fault injected into an embedded ledger: an H2 trigger that makes the next {@link #failures} inserts
 * into a table fail, as a full disk or a lost connection would, then lets them through. Installed and
 * removed with plain SQL, so the code under test runs unchanged.
 */
public final class FailingWrites implements Trigger {
    static final AtomicInteger failures = new AtomicInteger();

    static void install(ConnectionSource ledger, String table, int times) throws SQLException {
        failures.set(times);
        try (Connection connection = ledger.open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL \""
                    + FailingWrites.class.getName() + "\"");
        }
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SQLException("injected write failure", "58030");
        }
    }
}
