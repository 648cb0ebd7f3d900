package dev.truce.cli;

import dev.truce.app.AlertService;
import dev.truce.app.DaemonAlerts;
import dev.truce.app.FileRef;
import dev.truce.app.Services;
import dev.truce.config.TruceFile;
import dev.truce.domain.TruceException;
import dev.truce.schedule.AlertFire;
import dev.truce.schedule.Daemon;
import dev.truce.schedule.DaemonPlan;
import dev.truce.schedule.FireLog;
import dev.truce.schedule.ShutdownSignals;
import java.sql.SQLException;
import java.time.Clock;
import org.quartz.SchedulerException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `truce daemon`: reads the file once and lets {@link DaemonPlan} decide what to run (bad input stops here,
 * exit 2), wires each fire to the alert use case, starts the scheduler and waits for SIGTERM or Ctrl-C.
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
        Context context = root.context();
        FileRef file = root.file();
        Services services = root.services();
        TruceFile truceFile = services.files().obligations(file);
        DaemonPlan plan = DaemonPlan.of(new DaemonPlan.Flags(schedule, zone, runNow, cluster, state.resolve(context),
                stopGrace), truceFile, context.environment());
        FireLog log = new FireLog(spec.commandLine().getErr(), plan.zone());
        AlertService alerts = services.alerts();
        alerts.checkSending(file, truceFile);
        AlertFire fire = new AlertFire(DaemonAlerts.of(alerts, services.files(), file, truceFile, plan.state(),
                plan.config().cluster(), context.environment(), context.clock(),
                notice -> log.line(context.clock().instant(), notice)));
        return runUntilSignalled(plan, fire, log, context.clock());
    }

    private int runUntilSignalled(DaemonPlan plan, AlertFire fire, FireLog log, Clock clock) {
        Daemon daemon;
        try {
            daemon = Daemon.create(plan.config(), fire, log, clock);
        } catch (SQLException e) {
            throw TruceException.failure("cannot prepare the cluster database "
                    + plan.config().cluster().map(Object::toString).orElse("") + ": " + firstLine(e), e);
        } catch (SchedulerException e) {
            throw TruceException.failure("cannot start the scheduler: " + firstLine(e), e);
        }
        ShutdownSignals signals = ShutdownSignals.install(() -> {
            daemon.stopFiring();
            // mail being sent goes out, unless the server keeps it beyond the grace
            DaemonAlerts.stopDelivering(plan.stopGrace());
            log.stopping(clock.instant());
        });
        // anything else that ends the JVM (SIGHUP, System.exit) also lets the run in progress finish
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DaemonAlerts.stopDelivering(plan.stopGrace());
            daemon.shutdown(true);
        }, "truce-daemon-stop"));
        try {
            daemon.start();
            signals.awaitStopRequest();
        } catch (SchedulerException e) {
            daemon.shutdown(false);
            throw TruceException.failure("cannot start the scheduler: " + firstLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemon.shutdown(true);
        log.stopped(clock.instant());
        return ExitCode.OK.code();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

