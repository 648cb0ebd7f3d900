package dev.truce.cli;

import dev.truce.schedule.DaemonPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `truce daemon`. Only parsing here; {@link DaemonRunner} builds the scheduler, so building the
 * command line (which `truce status` does too) loads no Quartz, mail or database class.
 */
@Command(name = "daemon", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Runs the alerts on a schedule, in the foreground.",
            "For systemd or a terminal. Each fire does what `truce alert` does, with the",
            "files as they are on disk at that moment, and logs one line to stderr.",
            "SIGTERM or Ctrl-C lets the run in progress finish, then exits 0; a second",
            "one exits at once. Mail being sent when the first comes gets --stop-grace",
            "seconds to go out.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce daemon                # alerts.schedule, else weekdays 07:00",
            "  truce daemon --run-now --schedule '0 0 7,13 ? * MON-FRI'",
            "  TRUCE_DB_USER=truce TRUCE_DB_PASSWORD=... \\",
            "    truce daemon --cluster jdbc:postgresql://db.internal/truce",
            "",
            "A fire missed while the machine slept or the daemon was down runs once",
            "when it is back. A failed send is retried after 5, 15, then every 60",
            "minutes; so is one the mail server had not finished within",
            "$TRUCE_SMTP_DEADLINE seconds (default 120; each line of a reply must come",
            "within $TRUCE_SMTP_TIMEOUT, default 20). Cluster mode: every node runs the",
            "same command against one PostgreSQL database; each fire runs on exactly",
            "one node.",
            "systemd: scripts/truce-daemon.service.",
        })
final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--schedule", paramLabel = "CRON",
            description = "When to run, as a Quartz cron expression: seconds minutes hours day-of-month month "
                    + "day-of-week (default: alerts.schedule, else '0 0 7 ? * MON-FRI').")
    String schedule;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The time zone of the schedule (default: alerts.zone, else the truce's timezone).")
    String zone;

    @Option(names = "--run-now", description = "Run once at start, then keep the schedule.")
    boolean runNow;

    @Option(names = "--cluster", paramLabel = "JDBC_URL",
            description = "Share the schedule and the ledger with the other nodes on this PostgreSQL "
                    + "database (default: the file's daemon.cluster); user and password from "
                    + "$TRUCE_DB_USER and $TRUCE_DB_PASSWORD.")
    String cluster;

    @Option(names = "--stop-grace", paramLabel = "SECONDS",
            description = "After SIGTERM or Ctrl-C, how long mail being sent may still take before its "
                    + "connection is closed and it counts as not sent (default: 10).")
    Integer stopGrace;

    @Mixin
    StateOption state;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        return new DaemonRunner(root, spec.commandLine().getErr()).run(new DaemonPlan.Flags(schedule, zone, runNow,
                cluster, state.resolve(root.context()), stopGrace));
    }
}
