package dev.truce.alert.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens connections to the ledger's database. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;

    static ConnectionSource of(String url, String user, String password) {
        return () -> DriverManager.getConnection(url, user, password);
    }

    /** Connections to a cluster's shared database, for its ledger and its notice memory. */
    static ConnectionSource of(dev.truce.config.ClusterDatabase database) {
        return of(database.url(), database.user(), database.password());
    }
}
