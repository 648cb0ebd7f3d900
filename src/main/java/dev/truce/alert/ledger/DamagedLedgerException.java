package dev.truce.alert.ledger;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded ledger's file is there but cannot be read as a ledger: empty, cut short, or with bytes
 * H2 cannot make sense of. Opened as it is, H2 would take it for a new database and write a fresh one
 * over it, and truce would forget every alert sent and every ack; so it is refused, left untouched, and
 * the person decides (restore .truce/ from a backup, or `truce alert --rebuild-ledger`).
 */
public final class DamagedLedgerException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    DamagedLedgerException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, "TRUCE", cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** What is wrong with it, e.g. "it is empty: 0 bytes". */
    public String reason() {
        return reason;
    }

    /**
     * Whether an error H2 reported while opening or reading an embedded ledger means its file is damaged:
     * a record that cannot be read or converted, a store H2 wanted to start afresh (refused when opened
     * read-only), a ledger table that vanished. Not a full disk, a lock or a value too long.
     */
    static Optional<String> damageIn(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String first = message.lines().findFirst().orElse("").replaceAll("; SQL statement:.*$", "")
                .replaceAll("\\s*\\[\\d+-\\d+]$", "");
        return switch (e.getErrorCode()) {
            case 90030, 90048, 22018 -> Optional.of("H2 cannot read it: " + first);
            case 90097 -> Optional.of("H2 finds no ledger in it (it would start a new, empty database over it)");
            case 42102, 42104 -> Optional.of("a ledger table is missing from it: " + first);
            case 50000 -> message.toLowerCase(Locale.ROOT).contains("unable to read")
                    || message.contains("recovery tool") ? Optional.of("H2 cannot read it: " + first) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
