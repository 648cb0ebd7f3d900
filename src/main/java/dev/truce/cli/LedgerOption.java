package dev.truce.cli;

import dev.truce.config.ClusterDatabase;
import dev.truce.app.LedgerChoice;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * --state and --cluster: which alert ledger `truce alert` uses, and which one `truce ack` carries the acks of
 * truce 0.2 over from. Neither means the file's choice: the cluster's database when it has daemon.cluster, else
 * its state directory.
 */
public final class LedgerOption {
    @Option(names = "--state", paramLabel = "DIR",
            description = "Use the alert ledger in DIR (default: the cluster's database if the file has "
                    + "daemon.cluster, else .truce beside the obligations file, or its state: key).")
    Path directory;

    @Option(names = "--cluster", paramLabel = "JDBC_URL",
            description = "Use the alert ledger of the daemon cluster on this PostgreSQL database (default: the "
                    + "file's daemon.cluster); user and password from $TRUCE_DB_USER and $TRUCE_DB_PASSWORD.")
    String cluster;

    /** The choice, with --state relative to the working directory; bad input if both or a bad URL. */
    LedgerChoice resolve(CommandSpec spec, Context context) {
        if (directory != null && cluster != null) {
            throw new ParameterException(spec.commandLine(), "--state and --cluster: choose one ledger");
        }
        return new LedgerChoice(directory == null ? null : context.workingDirectory().resolve(directory),
                cluster == null ? null : ClusterDatabase.of(cluster, context.environment(), "--cluster"));
    }
}
