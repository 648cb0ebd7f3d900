package dev.truce.testing;

import dev.truce.alert.ledger.ConnectionSource;
import dev.truce.domain.Ack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;

/** Acks stored the way truce 0.2 stored them (its Ledger.add), in a ledger whose acks are to be carried over. */
public final class Truce02Acks {
    private Truce02Acks() {
    }

    public static void store(ConnectionSource source, Ack... acks) throws SQLException {
        try (Connection connection = source.open(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO truce_alert_ack (truce_id, obligation_id, acked_at, acked_by, reason, until_date, until_at, "
                        + "compliance_state, deadline_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Ack ack : acks) {
                insert.setString(1, ack.truceId());
                insert.setString(2, ack.obligationId());
                insert.setObject(3, ack.ackedAt().atOffset(ZoneOffset.UTC));
                insert.setString(4, ack.by());
                insert.setString(5, ack.reason());
                insert.setObject(6, ack.untilDate() == null ? null : java.sql.Date.valueOf(ack.untilDate()), Types.DATE);
                insert.setObject(7, ack.until() == null ? null : ack.until().atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(8, ack.state().label());
                insert.setObject(9, ack.deadline() == null ? null : ack.deadline().atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                insert.executeUpdate();
            }
        }
    }
}
