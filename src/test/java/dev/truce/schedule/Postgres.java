package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the cluster tests, started once per test JVM (zonky's embedded binaries,
 * the version pinned in pom.xml) and stopped by its own shutdown hook. Each test class takes a
 * fresh database of its own. As root, zonky runs initdb and postgres under `unshare -U`, since
 * PostgreSQL refuses to run as root; that needs user namespaces, which CI containers allow.
 */
public final class Postgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** A new empty database, as a cluster would be pointed at with --cluster. */
    public static ClusterDatabase freshDatabase() {
        String name = "truce_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new ClusterDatabase("jdbc:postgresql://localhost:" + server().getPort() + "/" + name, "postgres", null);
    }
}
