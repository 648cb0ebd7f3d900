package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import dev.truce.config.TruceFile;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What `truce daemon` will run, decided from its flags and obligations.yaml as read at start: the
 * schedule and its zone (flag, else the file, else weekday mornings), single node or cluster (flag,
 * else daemon.cluster), the state directory, and how long mail being sent may take once a stop is
 * asked for. Anything wrong is bad input naming the flag or key to fix.
 *
 * @param zone      the schedule's zone, also the zone of the log's stamps
 * @param state     the local state directory (the ledger and the last run, single node)
 * @param config    the scheduler's configuration
 * @param stopGrace after the first SIGTERM or Ctrl-C, how long mail being sent may still take before
 *                  its connection is closed
 */
public record DaemonPlan(ZoneId zone, Path state, DaemonConfig config, Duration stopGrace) {
    /** Long enough for a server that is working to answer; short beside systemd's 120 s stop timeout. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    /**
     * The command's flags as given; null (false) when not given.
     *
     * @param state            --state, already resolved against the working directory
     * @param stopGraceSeconds --stop-grace
     */
    public record Flags(String schedule, String zone, boolean runNow, String cluster, Path state,
                        Integer stopGraceSeconds) {
    }

    /** Bad input names the flag, or the file (as its label) and key, to fix. */
    public static DaemonPlan of(Flags flags, TruceFile file, Map<String, String> environment) {
        ZoneId zone = flags.zone() != null ? zone(flags.zone()) : file.scheduleZone();
        DaemonSchedule schedule = flags.schedule() != null
                ? DaemonSchedule.of(flags.schedule(), zone, "--schedule")
                : DaemonSchedule.of(file.scheduleSetting().orElse(DaemonSchedule.DEFAULT_CRON), zone,
                        file.label() + ": alerts.schedule");
        Optional<ClusterDatabase> cluster = flags.cluster() != null
                ? Optional.of(ClusterDatabase.of(flags.cluster(), environment, "--cluster"))
                : ClusterDatabase.ofFile(file, environment);
        Path state = flags.state() != null ? flags.state() : file.stateDirectory();
        DaemonConfig config = cluster.map(db -> DaemonConfig.clustered(schedule, db, nodeName()))
                .orElseGet(() -> DaemonConfig.local(schedule, state))
                .withRunNow(flags.runNow());
        return new DaemonPlan(zone, state, config, stopGrace(flags.stopGraceSeconds()));
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw TruceException.badInput("--zone: '" + name + "' is not a time zone (expected an IANA name such as "
                    + "America/New_York)" + Suggestions.didYouMean(name, ZoneId.getAvailableZoneIds()));
        }
    }

    private static Duration stopGrace(Integer seconds) {
        if (seconds == null) {
            return DEFAULT_STOP_GRACE;
        }
        if (seconds < 0) {
            throw TruceException.badInput("--stop-grace: '" + seconds + "' is not a number of seconds (expected 0 or "
                    + "more, e.g. " + DEFAULT_STOP_GRACE.toSeconds() + ")");
        }
        return Duration.ofSeconds(seconds);
    }

    /** A cluster node's id in Quartz's tables and the logs: host and process, unique per running daemon. */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
