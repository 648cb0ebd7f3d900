package dev.truce.alert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on the embedded H2 file it uses by default. */
class LedgerTest extends LedgerContract {
    @TempDir
    Path dir;

    @Override
    ConnectionSource source() {
        return ConnectionSource.of(EmbeddedLedger.url(dir), "", "");
    }

    /** Schema.LATEST_VERSION lets an up-to-date ledger skip Flyway: it must be the highest script. */
    @Test
    void theLatestVersionIsTheHighestScript() throws Exception {
        Path scripts = Path.of(Schema.class.getClassLoader().getResource("db/ledger").toURI());
        int highest;
        try (Stream<Path> files = Files.list(scripts)) {
            highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(-1);
        }
        assertEquals(highest, Schema.LATEST_VERSION);
    }

    /** A ledger whose history lacks the latest script is migrated, not skipped. */
    @Test
    void aLedgerBehindTheLatestScriptIsMigrated() throws Exception {
        try (Ledger ledger = Ledger.open(source())) {
            assertEquals(0, ledger.sent("t").size());
        }
        try (Connection connection = source().open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE truce_alert_sending");
            statement.execute("DELETE FROM \"" + Schema.HISTORY_TABLE + "\" WHERE \"version\" = '2'");
        }
        Ledger.open(source()).close();
        assertEquals(0, count(source(), "truce_alert_sending"), "V2 ran again");
    }
}
