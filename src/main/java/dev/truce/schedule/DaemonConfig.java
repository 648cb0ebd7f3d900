package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a daemon runs: its schedule, where it keeps state (a directory on this machine, or a
 * PostgreSQL database shared by a cluster), and its timings. The defaults suit production; tests
 * shorten them with the {@code with...} methods.
 *
 * @param misfireThreshold how late a fire may be before Quartz counts it as missed and runs it once, now,
 *                         for all the times missed. A fire less late than this is run as scheduled, and
 *                         so is every other time that passed within it: one run per missed time. So it
 *                         must be shorter than the schedule's interval, or a daemon that was down for
 *                         35 s on a 10 s schedule would run three times in a row when it is back.
 * @param checkinInterval  how often a cluster node reports in; a node silent for longer is taken over
 * @param idleWait         how long a cluster node that has nothing to fire waits before it looks at the
 *                         database again (it cannot hear about another node's changes), so how late a
 *                         fire may start when the node that would have run it stopped
 */
public record DaemonConfig(DaemonSchedule schedule, boolean runNow, Optional<ClusterDatabase> cluster,
                           String instanceId, Optional<Path> stateDirectory, RetryPolicy retry,
                           Duration misfireThreshold, Duration checkinInterval, Duration idleWait) {
    /**
     * A single node checks for missed fires only when it looks for the next one, at no cost, so the
     * threshold can be short enough for any schedule (Quartz's own default is a minute).
     */
    public static final Duration LOCAL_MISFIRE_THRESHOLD = Duration.ofSeconds(1);
    /**
     * A cluster node's misfire handler queries the database once per threshold, so a short one
     * costs an idle node a query a second; a minute (Quartz's default) suits schedules a minute
     * or more apart, which is what a desk runs.
     */
    public static final Duration CLUSTER_MISFIRE_THRESHOLD = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CHECKIN_INTERVAL = Duration.ofSeconds(7);
    /** Quartz's default; an idle node costs one query per wait. */
    public static final Duration DEFAULT_IDLE_WAIT = Duration.ofSeconds(30);

    /** One machine: an in-memory scheduler, the last run remembered in {@code stateDirectory}. */
    public static DaemonConfig local(DaemonSchedule schedule, Path stateDirectory) {
        return new DaemonConfig(schedule, false, Optional.empty(), "local", Optional.of(stateDirectory),
                RetryPolicy.DEFAULT, LOCAL_MISFIRE_THRESHOLD, DEFAULT_CHECKIN_INTERVAL, DEFAULT_IDLE_WAIT);
    }

    /** A cluster node: Quartz's JDBC store on the shared database; {@code instanceId} must differ per node. */
    public static DaemonConfig clustered(DaemonSchedule schedule, ClusterDatabase database, String instanceId) {
        return new DaemonConfig(schedule, false, Optional.of(database), instanceId, Optional.empty(),
                RetryPolicy.DEFAULT, CLUSTER_MISFIRE_THRESHOLD, DEFAULT_CHECKIN_INTERVAL, DEFAULT_IDLE_WAIT);
    }

    public DaemonConfig withRunNow(boolean now) {
        return new DaemonConfig(schedule, now, cluster, instanceId, stateDirectory, retry, misfireThreshold, checkinInterval, idleWait);
    }

    public DaemonConfig withRetry(RetryPolicy policy) {
        return new DaemonConfig(schedule, runNow, cluster, instanceId, stateDirectory, policy, misfireThreshold, checkinInterval, idleWait);
    }

    public DaemonConfig withMisfireThreshold(Duration threshold) {
        return new DaemonConfig(schedule, runNow, cluster, instanceId, stateDirectory, retry, threshold, checkinInterval, idleWait);
    }

    public DaemonConfig withCheckinInterval(Duration interval) {
        return new DaemonConfig(schedule, runNow, cluster, instanceId, stateDirectory, retry, misfireThreshold, interval, idleWait);
    }

    public DaemonConfig withIdleWait(Duration wait) {
        return new DaemonConfig(schedule, runNow, cluster, instanceId, stateDirectory, retry, misfireThreshold, checkinInterval, wait);
    }

    /** For the start-up line: where the schedule's state lives. */
    String storeDescription() {
        return cluster.map(db -> "cluster node " + instanceId + " on " + db).orElse("single node");
    }
}
