package dev.truce.alert.ledger;

import dev.truce.alert.SentAlert;
import java.sql.SQLException;
import java.util.List;

/**
 * The longest values the ledger's columns hold (db/ledger/V1__ledger.sql; a test reads them back from
 * the database). `truce validate` must refuse longer ones; here they are checked again before anything is
 * sent, so that a value the ledger cannot hold stops its digest with a message naming it, instead of a
 * message going out that the ledger cannot record (and that every later run would send again).
 */
public final class LedgerLimits {
    public static final int TRUCE_ID = 100;
    public static final int OBLIGATION_ID = 200;
    public static final int RECIPIENT = 320;
    /** Not from the file: the trigger's detail and the Message-ID are made by truce and stay well inside. */
    static final int DETAIL = 200;
    static final int MESSAGE_ID = 500;
    static final int ALERT_KEY = 600;

    /** SQLState "string data, right truncation", as H2 and PostgreSQL report a value too long. */
    public static final String TOO_LONG_STATE = "22001";

    private LedgerLimits() {
    }

    static void check(List<SentAlert> alerts) throws SQLException {
        for (SentAlert alert : alerts) {
            fits("the truce id", alert.key().truceId(), TRUCE_ID);
            fits("obligation id", alert.key().obligationId(), OBLIGATION_ID);
            fits("the address", alert.recipient(), RECIPIENT);
            fits("the alert detail", alert.key().detail(), DETAIL);
            fits("the Message-ID", alert.messageId(), MESSAGE_ID);
            fits("the alert key", alert.key().value(), ALERT_KEY);
        }
    }

    private static void fits(String what, String value, int limit) throws SQLException {
        if (value != null && value.length() > limit) {
            throw new SQLException(what + " '" + shortened(value) + "' is " + value.length() + " characters; the "
                    + "ledger holds at most " + limit, TOO_LONG_STATE);
        }
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
