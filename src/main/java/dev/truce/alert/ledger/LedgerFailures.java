package dev.truce.alert.ledger;

import java.io.IOException;

/** A ledger error in the words a person needs: the system's own ("No space left on device") where there is one. */
public final class LedgerFailures {
    private LedgerFailures() {
    }

    public static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage().lines().findFirst().orElse("");
            }
        }
        String line = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (line.contains("MVStoreException: Writing to")) {
            // H2 keeps only the words of the I/O error it met, not the error
            return "H2 could not write the ledger file (is the disk full?)";
        }
        return line.replaceAll(";? ?SQL statement:.*$", "").replaceAll("\\s*\\[\\d+-\\d+]$", "");
    }
}
