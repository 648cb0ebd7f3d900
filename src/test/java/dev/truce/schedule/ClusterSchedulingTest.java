package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two Quartz nodes on one PostgreSQL, with the alert run behind the seam; AlertClusterTest adds mail and the ledger. */
@Tag("slow")
class ClusterSchedulingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DaemonSchedule EVERY_SECOND = DaemonSchedule.of("* * * ? * *", ZoneOffset.UTC, "test");

    private final FireLog log = new FireLog(new PrintWriter(new StringWriter(), true), ZoneOffset.UTC);
    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void stop() {
        daemons.forEach(d -> d.shutdown(true));
    }

    private Daemon node(DaemonConfig config, AlertRun run, FireWatch watch) throws Exception {
        Daemon daemon = Daemon.create(config.withCheckinInterval(Duration.ofSeconds(1)).withIdleWait(Duration.ofSeconds(1)), run, log, Clock.systemUTC());
        daemons.add(daemon);
        daemon.scheduler().getListenerManager().addJobListener(watch);
        return daemon;
    }

    @Test
    void eachFireRunsOnExactlyOneNodeAndTheOtherTakesOverWhenOneStops() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        FireWatch watch = new FireWatch();   // one listener on both nodes: it sees every fire of the cluster
        AtomicInteger runs = new AtomicInteger();
        AlertRun run = () -> new FireOutcome.Done("run " + runs.incrementAndGet());
        Daemon a = node(DaemonConfig.clustered(EVERY_SECOND, database, "node-a"), run, watch);
        Daemon b = node(DaemonConfig.clustered(EVERY_SECOND, database, "node-b"), run, watch);
        a.start();
        b.start();

        List<FireWatch.Fire> together = watch.next(6, WAIT);
        assertEveryScheduledSecondRanOnce(together);
        a.shutdown(true);
        List<FireWatch.Fire> after = watch.next(3, WAIT);
        after.addAll(watch.drain());

        assertEquals(Set.of("node-b"), after.stream().map(FireWatch.Fire::instanceId).collect(Collectors.toSet()));
        List<FireWatch.Fire> all = new ArrayList<>(together);
        all.addAll(after);
        assertEquals(all.size(), all.stream().map(FireWatch.Fire::scheduledFor).distinct().count(),
                "a scheduled time ran on two nodes: " + all);
        assertEquals(all.size(), runs.get());
    }

    @Test
    void aFireMissedWhileTheWholeClusterWasDownRunsOnceWhenANodeComesBack() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        DaemonSchedule weekdayMornings = DaemonSchedule.of(DaemonSchedule.DEFAULT_CRON, ZoneId.of("America/New_York"), "test");
        FireWatch watch = new FireWatch();
        AtomicInteger runs = new AtomicInteger();
        AlertRun run = () -> new FireOutcome.Done("run " + runs.incrementAndGet());
        Daemon first = node(DaemonConfig.clustered(weekdayMornings, database, "node-a"), run, watch);
        first.start();
        first.shutdown(true);
        // While every node was down, a week of mornings went by: the stored next fire is long past.
        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE qrtz_triggers SET next_fire_time = ? WHERE trigger_name = 'schedule'")) {
            update.setLong(1, Instant.now().minus(7, ChronoUnit.DAYS).toEpochMilli());
            assertEquals(1, update.executeUpdate());
        }

        Daemon back = node(DaemonConfig.clustered(weekdayMornings, database, "node-b"), run, watch);
        back.start();
        FireWatch.Fire fire = watch.next(WAIT);

        assertEquals(Daemon.SCHEDULE.toString(), fire.trigger());
        Instant next = back.nextRun().orElseThrow();
        assertTrue(next.isAfter(Instant.now()), "next run " + next + ": more catch-up fires are pending");
        assertEquals(1, runs.get());
    }

    @Test
    void aNodeStartedWithTheSameScheduleKeepsTheStoredTriggerAndANewScheduleReplacesIt() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        DaemonSchedule mornings = DaemonSchedule.of(DaemonSchedule.DEFAULT_CRON, ZoneId.of("America/New_York"), "test");
        FireWatch watch = new FireWatch();
        AlertRun run = () -> new FireOutcome.Done("ok");
        Daemon first = node(DaemonConfig.clustered(mornings, database, "node-a"), run, watch);
        Instant created = first.scheduler().getTrigger(Daemon.SCHEDULE).getStartTime().toInstant();
        Daemon second = node(DaemonConfig.clustered(mornings, database, "node-b"), run, watch);
        assertEquals(created, second.scheduler().getTrigger(Daemon.SCHEDULE).getStartTime().toInstant());

        DaemonSchedule evenings = DaemonSchedule.of("0 0 18 ? * MON-FRI", ZoneId.of("America/New_York"), "test");
        Daemon third = node(DaemonConfig.clustered(evenings, database, "node-c"), run, watch);
        Instant next = third.nextRun().orElseThrow();
        assertEquals(18, next.atZone(ZoneId.of("America/New_York")).getHour());
    }

    /** The scheduled times form an unbroken run of seconds, each run once. */
    private static void assertEveryScheduledSecondRanOnce(List<FireWatch.Fire> fires) {
        TreeSet<Instant> seconds = fires.stream().map(f -> f.scheduledFor().truncatedTo(ChronoUnit.SECONDS))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fires.size(), seconds.size(), "a scheduled time ran twice: " + fires);
        assertEquals(fires.size() - 1, Duration.between(seconds.first(), seconds.last()).toSeconds(),
                "a scheduled time did not run: " + seconds);
    }
}
