package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.cli.CliRunner;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Who was told what and when is for the desk's account only: the ledger's directory 0700, its files and .eml 0600. */
class LedgerPermissionsTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void files() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
    }

    private static Map<String, String> permissionsIn(Path directory) throws IOException {
        Map<String, String> found = new TreeMap<>();
        found.put(".", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                found.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return found;
    }

    /** The folder 0700, every file in it 0600, and the files named among them. */
    private static void ownersOnly(Path directory, String... named) throws IOException {
        Map<String, String> found = permissionsIn(directory);
        assertEquals("rwx------", found.remove("."), directory.toString());
        for (String name : named) {
            assertTrue(found.containsKey(name), name + " in " + found);
        }
        found.forEach((name, permissions) -> assertEquals("rw-------", permissions, name));
        assertTrue(found.keySet().stream().noneMatch(name -> name.endsWith(".trace.db")), "no trace file: " + found);
    }

    @Test
    void theLedgerIsTheOwnersOnly() throws IOException {
        assertEquals(0, truce.run("alert").exitCode());
        ownersOnly(dir.resolve(".truce"), "ledger.mv.db", "ledger.lock", "alert-last-success");
        assertEquals(0, truce.run("alert", "--state", "deeper/state").exitCode());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("deeper"))));
        ownersOnly(dir.resolve("deeper/state"), "ledger.mv.db", "ledger.lock", "alert-last-success");
    }

    @Test
    void aLedgerRebuiltIsTheOwnersOnlyToo() throws IOException {
        assertEquals(0, truce.run("alert").exitCode());
        Files.write(dir.resolve(".truce/ledger.mv.db"), new byte[0]);
        assertEquals(0, truce.at("2026-06-24T00:00:00Z").run("alert", "--rebuild-ledger").exitCode());
        ownersOnly(dir.resolve(".truce"), "ledger.mv.db", "ledger.lock", "ledger.mv.db.broken-20260624T000000Z");
    }

    @Test
    void emlFilesAreTheOwnersOnly() throws IOException {
        Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox/desk@example.com.eml"), "an older one, readable by all");
        Files.setPosixFilePermissions(dir.resolve("outbox/desk@example.com.eml"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, truce.run("alert", "--out", "outbox").exitCode());
        Map<String, String> outbox = permissionsIn(dir.resolve("outbox"));
        outbox.remove(".");
        assertEquals(Map.of("desk@example.com.eml", "rw-------", "licences@example.com.eml", "rw-------",
                "owner@example.com.eml", "rw-------"), outbox);
    }
}
