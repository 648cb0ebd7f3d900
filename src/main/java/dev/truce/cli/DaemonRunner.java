package dev.truce.cli;

import dev.truce.alert.mail.DeliveryStop;
import dev.truce.app.AlertService;
import dev.truce.app.FileRef;
import dev.truce.domain.TruceException;
import dev.truce.schedule.AlertFire;
import dev.truce.schedule.Daemon;
import dev.truce.schedule.DaemonPlan;
import dev.truce.schedule.FireLog;
import dev.truce.schedule.ShutdownSignals;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.config.TruceFile;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import org.quartz.SchedulerException;

/**
 * Runs `truce daemon`: reads the file once and lets {@link DaemonPlan} decide what to run (bad input
 * stops here, exit 2), wires each fire to the alert use case, starts the scheduler and waits for
 * SIGTERM or Ctrl-C.
 */
final class DaemonRunner {
    private final TruceCommand root;
    private final PrintWriter err;

    DaemonRunner(TruceCommand root, PrintWriter err) {
        this.root = root;
        this.err = err;
    }

    int run(DaemonPlan.Flags flags) {
        Context context = root.context();
        FileRef file = root.file();
        dev.truce.app.Services services = root.services();
        ObligationsFileReader reader = services.obligationsReader();
        TruceFile truceFile = reader.read(file.path(), file.label());
        DaemonPlan plan = DaemonPlan.of(flags, truceFile, context.environment());
        FireLog log = new FireLog(err, plan.zone());

        AlertService alerts = services.alerts();
        alerts.checkSending(file, truceFile);
        AlertFire fire = AlertFire.forDaemon(alerts, reader, file, truceFile, plan.state(), plan.config().cluster(),
                context.environment(), context.clock(), notice -> log.line(context.clock().instant(), notice));
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
            DeliveryStop.PROCESS.request(plan.stopGrace());
            log.stopping(clock.instant());
        });
        // anything else that ends the JVM (SIGHUP, System.exit) also lets the run in progress finish
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DeliveryStop.PROCESS.request(plan.stopGrace());
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
