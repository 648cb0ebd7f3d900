package dev.truce.app;

import dev.truce.alert.FileNoticeMemory;
import dev.truce.alert.NoticeMemory;
import dev.truce.alert.ledger.ConnectionSource;
import dev.truce.alert.ledger.DatabaseNoticeMemory;
import dev.truce.alert.mail.DeliveryStop;
import dev.truce.config.ClusterDatabase;
import dev.truce.config.TruceFile;
import dev.truce.domain.TruceException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The alert use case as the daemon runs it: exactly the run `truce alert` does ({@link AlertService#run}), the
 * file read from disk anew each time, with the memory of "the file is invalid" notices (in the state folder, or in
 * the cluster's database), and the stop of deliveries in flight when the daemon is asked to stop. The scheduler
 * sees only {@link Fired}: what came of one run, in one line.
 */
public final class DaemonAlerts {
    /** What one run came to: done (what was sent, possibly nothing), a file that must be fixed, or a failure to retry. */
    public sealed interface Fired {
        String summary();

        record Done(String summary) implements Fired {
        }

        /** {@code problems}: where and what, redacted (no text typed in the file): for the log and the mail. */
        record Invalid(List<String> problems, String summary) implements Fired {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }

        record Failed(String summary) implements Fired {
        }
    }

    private final AlertService alerts;
    private final FileRef file;
    private final Clock clock;
    private final AlertOptions options;
    private final InvalidFileAlerts invalidFiles;

    DaemonAlerts(AlertService alerts, FileRef file, Clock clock, AlertOptions options, InvalidFileAlerts invalidFiles) {
        this.alerts = alerts;
        this.file = file;
        this.clock = clock;
        this.options = options;
        this.invalidFiles = invalidFiles;
    }

    /**
     * The daemon's wiring: {@code initial} is the file as read at start, the first "last good" read; the ledger and
     * the notice memory live in {@code state}, or both in the cluster's database.
     */
    public static DaemonAlerts of(AlertService alerts, TruceFiles files, FileRef file, TruceFile initial, Path state,
                                  Optional<ClusterDatabase> cluster, Map<String, String> environment, Clock clock,
                                  Consumer<String> notices) {
        AlertOptions options = AlertOptions.send().withState(state).withNotices(notices);
        NoticeMemory memory = new FileNoticeMemory(state);
        if (cluster.isPresent()) {
            options = options.withCluster(cluster.get());
            memory = new DatabaseNoticeMemory(ConnectionSource.of(cluster.get()),
                    "invalid-file:" + initial.register().truce().id());
        }
        InvalidFileAlerts invalidFiles = new InvalidFileAlerts(file, initial, files, environment, clock, memory, null);
        return new DaemonAlerts(alerts, file, clock, options, invalidFiles);
    }

    public Fired fire() {
        AlertRunResult result;
        try {
            result = alerts.run(file, clock, options);
        } catch (InvalidFile e) {
            // the log and the mail get places and kinds of problems, never what was typed in the file
            return new Fired.Invalid(e.redacted(), invalidFiles.invalid(e.redacted()));
        } catch (TruceException e) {
            if (e.kind() == TruceException.Cause.BAD_INPUT) {
                return new Fired.Invalid(e.lines(), invalidFiles.invalid(e.lines()));
            }
            return new Fired.Failed(e.getMessage());
        }
        invalidFiles.valid();
        String summary = summary(result);
        return result.failed() ? new Fired.Failed(summary) : new Fired.Done(summary);
    }

    /** Mail being sent goes out, unless the server keeps it beyond {@code grace}; nothing new starts. */
    public static void stopDelivering(Duration grace) {
        DeliveryStop.PROCESS.request(grace);
    }

    static String summary(AlertRunResult result) {
        List<String> parts = new ArrayList<>();
        for (AlertRunResult.Delivery d : result.deliveries()) {
            String what = d.obligationIds().size() + (d.obligationIds().size() == 1 ? " obligation" : " obligations")
                    + " (" + String.join(", ", d.obligationIds()) + ")";
            parts.add(d.outcome() == AlertRunResult.Outcome.FAILED || d.outcome() == AlertRunResult.Outcome.REFUSED
                    ? "not sent to " + d.recipient() + ": " + d.detail() + " (nothing recorded)"
                    : "sent to " + d.recipient() + ": " + what);
        }
        parts.addAll(result.problems());
        return parts.isEmpty() ? "nothing new to send" : String.join("; ", parts);
    }
}
