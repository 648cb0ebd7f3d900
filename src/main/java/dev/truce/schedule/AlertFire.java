package dev.truce.schedule;

import dev.truce.alert.ledger.ClusterDatabase;
import dev.truce.alert.FileNoticeMemory;
import dev.truce.alert.NoticeMemory;
import dev.truce.alert.ledger.DatabaseNoticeMemory;
import dev.truce.app.AlertOptions;
import dev.truce.app.AlertRunResult;
import dev.truce.app.AlertRunResult.Delivery;
import dev.truce.app.AlertRunResult.Outcome;
import dev.truce.app.AlertService;
import dev.truce.app.FileRef;
import dev.truce.app.InvalidFileAlerts;
import dev.truce.domain.TruceException;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.config.TruceFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's fire: exactly the run `truce alert` does ({@link AlertService#run}), read from disk
 * anew each time, with its result put into one line. Bad input (the file was edited into an invalid
 * state) goes to the {@link InvalidFileAlerts}; a failed send or ledger becomes a retryable failure.
 */
public final class AlertFire implements AlertRun {
    private final AlertService alerts;
    private final FileRef file;
    private final Clock clock;
    private final AlertOptions options;
    private final InvalidFileAlerts invalidFiles;

    public AlertFire(AlertService alerts, FileRef file, Clock clock, AlertOptions options, InvalidFileAlerts invalidFiles) {
        this.alerts = alerts;
        this.file = file;
        this.clock = clock;
        this.options = options;
        this.invalidFiles = invalidFiles;
    }

    /**
     * The daemon's wiring around {@code alerts} (the service `truce alert` uses, with its readers):
     * the ledger and the memory of invalid-file notices in the state directory, or both in the
     * cluster's database. {@code initial} is the file as read at start, the first "last good" read.
     */
    public static AlertFire forDaemon(AlertService alerts, ObligationsFileReader reader, FileRef file, TruceFile initial,
                                      Path state, Optional<ClusterDatabase> cluster, Map<String, String> environment,
                                      Clock clock, Consumer<String> notices) {
        AlertOptions options = AlertOptions.send().withState(state).withNotices(notices);
        NoticeMemory memory = new FileNoticeMemory(state);
        if (cluster.isPresent()) {
            options = options.withCluster(cluster.get());
            memory = new DatabaseNoticeMemory(cluster.get().source(), "invalid-file:" + initial.register().truce().id());
        }
        InvalidFileAlerts invalidFiles = new InvalidFileAlerts(file, initial, reader, environment, clock, memory, null);
        return new AlertFire(alerts, file, clock, options, invalidFiles);
    }

    @Override
    public FireOutcome run() {
        AlertRunResult result;
        try {
            result = alerts.run(file, clock, options);
        } catch (ObligationsFileReader.InvalidFile e) {
            // the log and the mail get places and kinds of problems, never what was typed in the file
            return new FireOutcome.InvalidFile(e.redacted(), invalidFiles.invalid(e.redacted()));
        } catch (TruceException e) {
            if (e.kind() == TruceException.Cause.BAD_INPUT) {
                return new FireOutcome.InvalidFile(e.lines(), invalidFiles.invalid(e.lines()));
            }
            return new FireOutcome.Failed(e.getMessage());
        }
        invalidFiles.valid();
        String summary = summary(result);
        return result.failed() ? new FireOutcome.Failed(summary) : new FireOutcome.Done(summary);
    }

    static String summary(AlertRunResult result) {
        List<String> parts = new ArrayList<>();
        for (Delivery d : result.deliveries()) {
            String what = d.obligationIds().size() + (d.obligationIds().size() == 1 ? " obligation" : " obligations")
                    + " (" + String.join(", ", d.obligationIds()) + ")";
            parts.add(d.outcome() == Outcome.FAILED || d.outcome() == Outcome.REFUSED
                    ? "not sent to " + d.recipient() + ": " + d.detail() + " (nothing recorded)"
                    : "sent to " + d.recipient() + ": " + what);
        }
        parts.addAll(result.problems());
        return parts.isEmpty() ? "nothing new to send" : String.join("; ", parts);
    }
}
