package dev.truce.schedule;

import dev.truce.domain.TruceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL database a cluster shares: Quartz's job store and the alert ledger. Credentials
 * come from the environment ($TRUCE_DB_USER, $TRUCE_DB_PASSWORD), never from obligations.yaml, and
 * never appear in {@link #toString()}.
 */
public record ClusterDatabase(String url, String user, String password) {
    public static final String USER_VARIABLE = "TRUCE_DB_USER";
    public static final String PASSWORD_VARIABLE = "TRUCE_DB_PASSWORD";
    static final String PREFIX = "jdbc:postgresql:";

    /** {@code origin} names the flag or file key the URL came from, for the message. */
    public static ClusterDatabase of(String url, Map<String, String> environment, String origin) {
        if (!url.startsWith(PREFIX)) {
            throw TruceException.badInput(origin + ": '" + url + "' is not a PostgreSQL JDBC URL"
                    + " (cluster mode runs on PostgreSQL: expected jdbc:postgresql://host[:port]/database)");
        }
        return new ClusterDatabase(url, variable(environment, USER_VARIABLE), variable(environment, PASSWORD_VARIABLE));
    }

    private static String variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank()).orElse(null);
    }

    /** A plain connection for the one-off schema check; the scheduler and ledger use pools. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
