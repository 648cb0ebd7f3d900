package dev.truce.config;

import dev.truce.domain.TruceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL database a cluster shares: Quartz's job store and the alert ledger. Credentials
 * come from the environment ($TRUCE_DB_USER, $TRUCE_DB_PASSWORD), never from obligations.yaml, and
 * never appear in {@link #toString()}. A setting (daemon.cluster, or --cluster) like the others here: the
 * scheduler's job store, the ledger of `truce alert` and `truce ack`, and the command line all read it, and none
 * of them must load another's classes to do so.
 */
public record ClusterDatabase(String url, String user, String password) {
    public static final String USER_VARIABLE = "TRUCE_DB_USER";
    public static final String PASSWORD_VARIABLE = "TRUCE_DB_PASSWORD";
    public static final String PREFIX = "jdbc:postgresql:";

    /** {@code origin} names the flag or file key the URL came from, for the message. */
    public static ClusterDatabase of(String url, Map<String, String> environment, String origin) {
        if (!url.startsWith(PREFIX)) {
            throw TruceException.badInput(origin + ": '" + url + "' is not a PostgreSQL JDBC URL"
                    + " (cluster mode runs on PostgreSQL: expected jdbc:postgresql://host[:port]/database)");
        }
        // the URL is printed in logs and may sit in obligations.yaml: a password in it would leak
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            throw TruceException.badInput(origin + ": the URL carries a password; remove it and set $"
                    + PASSWORD_VARIABLE + " instead");
        }
        return new ClusterDatabase(url, variable(environment, USER_VARIABLE), variable(environment, PASSWORD_VARIABLE));
    }

    /** The file's daemon.cluster, if it has one: the daemon and the manual commands read it alike. */
    public static Optional<ClusterDatabase> ofFile(TruceFile file, Map<String, String> environment) {
        return file.clusterSetting().map(url -> of(url, environment, file.label() + ": daemon.cluster"));
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
