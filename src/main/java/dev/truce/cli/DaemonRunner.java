package dev.truce.cli;

import dev.truce.app.AlertService;
import dev.truce.app.FileRef;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import dev.truce.schedule.AlertFire;
import dev.truce.alert.ledger.ClusterDatabase;
import dev.truce.schedule.Daemon;
import dev.truce.schedule.DaemonConfig;
import dev.truce.schedule.DaemonSchedule;
import dev.truce.schedule.FireLog;
import dev.truce.schedule.ShutdownSignals;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.TruceFile;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * Runs `truce daemon`: reads the file once to learn the schedule (bad input stops here, exit 2),
 * wires each fire to the alert use case, starts the scheduler and waits for SIGTERM or Ctrl-C.
 */
final class DaemonRunner {
    /** The command's flags as given; null when not given. */
    record Flags(String schedule, String zone, boolean runNow, String cluster) {
    }

    private final TruceCommand root;
    private final PrintWriter err;
    private final Path stateOverride;

    DaemonRunner(TruceCommand root, PrintWriter err, Path stateOverride) {
        this.root = root;
        this.err = err;
        this.stateOverride = stateOverride;
    }

    int run(Flags flags) {
        Context context = root.context();
        FileRef file = root.file();
        ObligationsFileReader reader = Readers.obligations(context);
        TruceFile truceFile = reader.read(file.path(), file.label());
        ZoneId zone = flags.zone() != null ? zone(flags.zone()) : truceFile.scheduleZone();
        DaemonSchedule schedule = flags.schedule() != null ? DaemonSchedule.of(flags.schedule(), zone, "--schedule")
                : DaemonSchedule.of(truceFile.scheduleSetting().orElse(DaemonSchedule.DEFAULT_CRON), zone,
                        file.label() + ": alerts.schedule");
        Optional<ClusterDatabase> cluster = flags.cluster() != null
                ? Optional.of(ClusterDatabase.of(flags.cluster(), context.environment(), "--cluster"))
                : ClusterDatabase.ofFile(truceFile, context.environment());
        Path state = stateOverride != null ? stateOverride : truceFile.stateDirectory();
        DaemonConfig config = cluster.map(db -> DaemonConfig.clustered(schedule, db, nodeName()))
                .orElseGet(() -> DaemonConfig.local(schedule, state)).withRunNow(flags.runNow());
        FireLog log = new FireLog(err, zone);

        AlertService alerts = new AlertService(reader, Readers.evidence(context), context.environment());
        alerts.checkSending(file, truceFile);
        AlertFire fire = AlertFire.forDaemon(alerts, reader, file, truceFile, state, cluster, context.environment(),
                context.clock(), notice -> log.line(context.clock().instant(), notice));
        return runUntilSignalled(config, fire, log, cluster);
    }

    private int runUntilSignalled(DaemonConfig config, AlertFire fire, FireLog log, Optional<ClusterDatabase> cluster) {
        Daemon daemon;
        try {
            daemon = Daemon.create(config, fire, log, root.context().clock());
        } catch (SQLException e) {
            throw TruceException.failure("cannot prepare the cluster database " + cluster.map(Object::toString).orElse("")
                    + ": " + firstLine(e), e);
        } catch (SchedulerException e) {
            throw TruceException.failure("cannot start the scheduler: " + firstLine(e), e);
        }
        ShutdownSignals signals = ShutdownSignals.install(() -> {
            daemon.stopFiring();
            log.stopping(root.context().clock().instant());
        });
        // anything else that ends the JVM (SIGHUP, System.exit) also lets the run in progress finish
        Runtime.getRuntime().addShutdownHook(new Thread(() -> daemon.shutdown(true), "truce-daemon-stop"));
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
        log.stopped(root.context().clock().instant());
        return ExitCode.OK.code();
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw TruceException.badInput("--zone: '" + name + "' is not a time zone (expected an IANA name such as "
                    + "America/New_York)" + Suggestions.didYouMean(name, ZoneId.getAvailableZoneIds()));
        }
    }

    /** A cluster node's id in Quartz's tables and the logs: host and process, unique per running daemon. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
