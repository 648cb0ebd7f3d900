package dev.truce.app;

import dev.truce.config.ClusterDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How to run the alerts.
 *
 * @param mode           send (and record), print (--dry-run) or write .eml files (--out); the last two record nothing
 * @param outDirectory   where {@link Mode#WRITE} puts the files
 * @param stateDirectory the ledger's directory instead of the file's (--state), or null
 * @param timeout        the SMTP connect/read/write timeout, or null for $TRUCE_SMTP_TIMEOUT, else 20 s
 * @param notices        receives one-line progress notes meant for a person (e.g. waiting for another run)
 * @param cluster        the ledger in a cluster's database (--cluster, or a daemon in cluster mode), or null;
 *                       with neither this nor a state directory, the file's daemon.cluster or state directory
 *                       ({@link LedgerChoice})
 * @param asOf           the moment the digests are made for: now, or (--as-of, for a preview only) another moment,
 *                       with what the ledger had recorded by then
 */
public record AlertOptions(Mode mode, Path outDirectory, Path stateDirectory, Duration timeout, Consumer<String> notices,
                           ClusterDatabase cluster, AsOf asOf) {
    public enum Mode { SEND, PRINT, WRITE }

    public AlertOptions {
        if (mode == Mode.WRITE && outDirectory == null) {
            throw new IllegalArgumentException("writing files needs a directory");
        }
        notices = notices == null ? note -> { } : notices;
        asOf = asOf == null ? AsOf.NOW : asOf;
        if (mode == Mode.SEND && asOf != AsOf.NOW) {
            // what is sent is recorded as sent now: a digest of another day would be recorded as today's
            throw new IllegalArgumentException("only a preview is made as of another moment");
        }
    }

    public AlertOptions(Mode mode, Path outDirectory, Path stateDirectory, Duration timeout, Consumer<String> notices) {
        this(mode, outDirectory, stateDirectory, timeout, notices, null, AsOf.NOW);
    }

    public AlertOptions(Mode mode, Path outDirectory, Path stateDirectory, Duration timeout, Consumer<String> notices,
                        ClusterDatabase cluster) {
        this(mode, outDirectory, stateDirectory, timeout, notices, cluster, AsOf.NOW);
    }

    public static AlertOptions send() {
        return new AlertOptions(Mode.SEND, null, null, null, null);
    }

    public AlertOptions withState(Path directory) {
        return new AlertOptions(mode, outDirectory, directory, timeout, notices, cluster, asOf);
    }

    public AlertOptions withNotices(Consumer<String> to) {
        return new AlertOptions(mode, outDirectory, stateDirectory, timeout, to, cluster, asOf);
    }

    public AlertOptions withCluster(ClusterDatabase database) {
        return new AlertOptions(mode, outDirectory, stateDirectory, timeout, notices, database, asOf);
    }

    /** A preview as of {@code moment} (--dry-run or --out with --as-of). */
    public AlertOptions withAsOf(AsOf moment) {
        return new AlertOptions(mode, outDirectory, stateDirectory, timeout, notices, cluster, moment);
    }

    public LedgerChoice ledger() {
        return new LedgerChoice(stateDirectory, cluster);
    }

    public boolean records() {
        return mode == Mode.SEND;
    }
}
