package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.alert.AlertKey;
import dev.truce.alert.TriggerKind;
import dev.truce.cli.CliRunner;
import dev.truce.testing.TruceFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk upgrading from truce 0.1.0: its .truce/ledger.mv.db has the tables 0.1.0 made and no schema
 * history. The new truce takes it as a ledger (not as damage), baselines and migrates it, and remembers
 * everything it says: nothing is sent again, the history and the ack are there.
 */
class LedgerUpgradeTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant TARIFF_DEADLINE = Instant.parse("2026-07-01T04:00:00Z");
    private static final Instant LICENCES_DEADLINE = Instant.parse("2026-07-15T04:01:00Z");
    private static final Instant SENT_AT = Instant.parse("2026-06-23T11:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLedgerWrittenBy010IsMigratedAndRemembersWhatWasSentAndAcked() throws Exception {
        TruceFixture.writeDefault(dir);
        Path state = dir.resolve(".truce");
        // the URL 0.1.0 used: no settings
        ConnectionSource old = ConnectionSource.of("jdbc:h2:file:" + state.toAbsolutePath().resolve("ledger"), "", "");
        LedgerContract.writeVersion010Ledger(old);
        try (Connection connection = old.open()) {
            sent(connection, new AlertKey("t-1", "us-tariff", TriggerKind.THRESHOLD, TARIFF_DEADLINE, 7, null),
                    "desk@example.com", "owner@example.com");
            sent(connection, new AlertKey("t-1", "cn-licences", TriggerKind.THRESHOLD, LICENCES_DEADLINE, 30, null),
                    "desk@example.com", "licences@example.com");
            try (PreparedStatement ack = connection.prepareStatement("INSERT INTO truce_alert_ack (truce_id, "
                    + "obligation_id, acked_at, acked_by, reason, until_date, until_at, compliance_state, deadline_at) "
                    + "VALUES ('t-1', 'us-tariff', ?, 'ana', 'known; waiting for the order', NULL, NULL, 'no-evidence', ?)")) {
                ack.setObject(1, SENT_AT.atOffset(java.time.ZoneOffset.UTC));
                ack.setObject(2, TARIFF_DEADLINE.atOffset(java.time.ZoneOffset.UTC));
                ack.executeUpdate();
            }
        }

        CliRunner truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
        CliRunner.Result run = truce.run("alert");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out(), "everything due was sent by 0.1.0: " + run);
        assertEquals(0, MAIL.getReceivedMessages().length);

        CliRunner.Result history = truce.run("alert", "--history");
        assertEquals(5, history.out().lines().count(), history::toString);
        assertTrue(history.out().contains("licences@example.com  cn-licences  threshold 30 days"), history::toString);
        CliRunner.Result acks = truce.run("ack", "list");
        assertTrue(acks.out().contains("us-tariff   ana  a change  in force  known; waiting for the order"),
                acks::toString);

        ConnectionSource now = ConnectionSource.of(EmbeddedLedger.url(state), "", "");
        assertEquals(List.of("0 ledger written before migrations (truce 0.1.0) true", "1 ledger true",
                "2 sending and notices true"), LedgerContract.history(now));
        assertEquals(2, LedgerContract.count(now, "truce_alert_lock"), "0.1.0's lock row kept, and t-1's added");
    }

    private static void sent(Connection connection, AlertKey key, String... recipients) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO truce_alert_sent (alert_key, recipient, "
                + "truce_id, obligation_id, trigger_kind, deadline_at, threshold_days, detail, sent_at, message_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, '<old@example.com>')")) {
            for (String recipient : recipients) {
                insert.setString(1, key.value());
                insert.setString(2, recipient);
                insert.setString(3, key.truceId());
                insert.setString(4, key.obligationId());
                insert.setString(5, key.kind().label());
                insert.setObject(6, key.deadline().atOffset(java.time.ZoneOffset.UTC));
                insert.setInt(7, key.threshold());
                insert.setObject(8, SENT_AT.atOffset(java.time.ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
    }
}
