package dev.truce.alert.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on the embedded H2 file it uses by default. */
class LedgerTest extends LedgerContract {
    @TempDir
    Path dir;

    @Override
    ConnectionSource source() {
        return ConnectionSource.of(EmbeddedLedger.url(dir), "", "");
    }
}
