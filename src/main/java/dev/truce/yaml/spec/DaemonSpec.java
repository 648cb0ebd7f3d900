package dev.truce.yaml.spec;

import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;

@Spec(doc = "Settings of `truce daemon`.", expected = "a mapping with cluster")
public record DaemonSpec(
        @Key(doc = "A JDBC URL: daemons sharing it run each alert once between them. Credentials come from "
                + "$TRUCE_DB_USER and $TRUCE_DB_PASSWORD, never from this file.", oneLine = true,
                expected = "expected a JDBC URL such as jdbc:postgresql://host/db",
                schema = "{\"examples\": [\"jdbc:postgresql://db.example.com/truce\"]}") String cluster) {
}
