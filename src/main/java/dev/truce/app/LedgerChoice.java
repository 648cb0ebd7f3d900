package dev.truce.app;

import dev.truce.config.ClusterDatabase;
import java.nio.file.Path;

/**
 * Where the user asked for the alert ledger: a directory (--state), a cluster's database (--cluster,
 * or the daemon's), or neither (both null), which means what obligations.yaml says: its
 * daemon.cluster if set, else its state directory. The rule is {@link LedgerAccess#locate}.
 */
public record LedgerChoice(Path state, ClusterDatabase cluster) {
    public static final LedgerChoice FILE_DEFAULT = new LedgerChoice(null, null);
}
