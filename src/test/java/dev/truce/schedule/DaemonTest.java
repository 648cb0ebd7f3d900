package dev.truce.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.SchedulerListenerSupport;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * The scheduling itself, with the alert run behind the {@link AlertRun} seam; AlertDaemonTest runs the real one.
 * Quartz decides on the wall clock when a trigger is due; the daemon computes its start, its retries and its
 * log stamps from the clock it is given. Tests that need a fire give it a clock in the past, so the fire is
 * due at once: they wait on fires (latches on Quartz's listeners), never on the time of day.
 */
class DaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DaemonSchedule EVERY_SECOND = DaemonSchedule.of("* * * ? * *", ZoneOffset.UTC, "test");
    private static final DaemonSchedule WEEKDAY_MORNINGS = DaemonSchedule.of(DaemonSchedule.DEFAULT_CRON,
            ZoneId.of("America/New_York"), "test");
    /** A schedule whose own fires never get in the way: only run-now and retries fire. */
    private static final DaemonSchedule NEW_YEAR_2099 = DaemonSchedule.of("0 0 7 1 1 ? 2099", ZoneOffset.UTC, "test");

    @TempDir
    Path state;

    private final StringWriter logText = new StringWriter();
    private final FireLog log = new FireLog(new PrintWriter(logText, true), ZoneOffset.UTC);
    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void stop() {
        daemons.forEach(d -> d.shutdown(false));
    }

    private Daemon daemon(DaemonConfig config, AlertRun run) throws Exception {
        return daemon(config, run, Clock.systemUTC());
    }

    private Daemon daemon(DaemonConfig config, AlertRun run, Clock clock) throws Exception {
        Daemon daemon = Daemon.create(config, run, log, clock);
        daemons.add(daemon);
        return daemon;
    }

    /** Two hours ago, to the minute, standing still: what the daemon computes from it is due at once and printable. */
    private static Clock twoHoursAgo() {
        return Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS), ZoneOffset.UTC);
    }

    /** The weekday mornings after {@code from} up to now: the fires a daemon down since then missed. */
    private static List<Instant> morningsSince(Instant from) {
        List<Instant> missed = new ArrayList<>();
        Instant now = Instant.now();
        for (Instant t = WEEKDAY_MORNINGS.nextAfter(from).orElseThrow(); t.isBefore(now);
             t = WEEKDAY_MORNINGS.nextAfter(t).orElseThrow()) {
            missed.add(t);
        }
        return missed;
    }

    /** Counts the fires Quartz treated as missed (and so handled by the trigger's misfire instruction). */
    private static AtomicInteger countMisfires(Daemon daemon) throws SchedulerException {
        AtomicInteger misfires = new AtomicInteger();
        daemon.scheduler().getListenerManager().addTriggerListener(new TriggerListenerSupport() {
            @Override
            public String getName() {
                return "misfires";
            }

            @Override
            public void triggerMisfired(Trigger trigger) {
                misfires.incrementAndGet();
            }
        });
        return misfires;
    }

    /** Retry triggers that will still fire (the one that just ran lingers until Quartz completes it). */
    private static List<TriggerKey> pendingRetries(Daemon daemon) throws SchedulerException {
        List<TriggerKey> pending = new ArrayList<>();
        for (TriggerKey key : daemon.scheduler().getTriggerKeys(GroupMatcher.triggerGroupEquals(Retries.GROUP))) {
            Trigger trigger = daemon.scheduler().getTrigger(key);
            if (trigger != null && trigger.getNextFireTime() != null) {
                pending.add(key);
            }
        }
        return pending;
    }

    /**
     * Every second since the daemon's clock (a minute back) is a late fire; within the misfire threshold
     * of an hour Quartz replays each in turn, so the fires come at once instead of on the next seconds.
     */
    @Test
    void eachFireRunsTheAlertsAndLogsOneLineWithTheNextRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Daemon daemon = daemon(DaemonConfig.local(EVERY_SECOND, state).withMisfireThreshold(Duration.ofHours(1)),
                () -> new FireOutcome.Done("sent " + runs.incrementAndGet() + " alerts"),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1)));
        FireWatch watch = FireWatch.on(daemon).oneFireAtATime();
        daemon.start();
        List<FireWatch.Fire> fires = watch.next(2, WAIT);

        assertEquals(2, runs.get(), "one run per fire");
        assertEquals(fires.get(0).scheduledFor().plusSeconds(1), fires.get(1).scheduledFor());
        List<String> lines = logText.toString().lines().toList();
        assertTrue(lines.get(0).contains("truce daemon: daemon started (single node), schedule '* * * ? * *' in Z; next run "), lines.get(0));
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ truce daemon: sent 1 alerts; next run \\S+"), lines.get(1));
        assertTrue(lines.get(2).contains(" truce daemon: sent 2 alerts; next run "), lines.get(2));
    }

    @Test
    void aDaemonThatWasDownOverScheduledTimesRunsOnceWhenItComesBack() throws Exception {
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        new LastRunFile(state).record(weekAgo);   // five weekday mornings were missed since
        AtomicInteger runs = new AtomicInteger();
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state),
                () -> new FireOutcome.Done("run " + runs.incrementAndGet()));
        FireWatch watch = FireWatch.on(daemon);
        AtomicInteger misfires = countMisfires(daemon);
        daemon.start();

        FireWatch.Fire fire = watch.next(WAIT);
        assertEquals(Daemon.SCHEDULE.toString(), fire.trigger());
        // The schedule's next fire is a future morning: nothing else is pending, no burst follows.
        Instant next = daemon.nextRun().orElseThrow();
        assertTrue(next.isAfter(Instant.now()), "next run " + next);
        assertEquals(WEEKDAY_MORNINGS.nextAfter(fire.firedAt()).orElseThrow(), next);
        assertEquals(1, runs.get());
        assertEquals(1, misfires.get(), "the missed mornings were one missed fire");
        assertEquals(Optional.of(fire.firedAt()), new LastRunFile(state).read(), "the catch-up counts as the last run");
    }

    /**
     * The misfire threshold is what makes a catch-up one run: a fire later than the threshold is run once
     * for all the times it missed; within it, Quartz would run every missed time in turn. A threshold
     * longer than the downtime shows the difference.
     */
    @Test
    void aFireLaterThanTheMisfireThresholdIsCaughtUpOnceAndWithinItEveryMissedTimeRuns() throws Exception {
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        List<Instant> missed = morningsSince(weekAgo.plusSeconds(1));
        assertEquals(5, missed.size(), "a week holds five weekday mornings: " + missed);

        new LastRunFile(state).record(weekAgo);
        Daemon caughtUp = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withMisfireThreshold(Duration.ofHours(1)),
                () -> new FireOutcome.Done("caught up"));
        FireWatch caughtUpFires = FireWatch.on(caughtUp);
        AtomicInteger caughtUpMisfires = countMisfires(caughtUp);
        caughtUp.start();
        caughtUpFires.next(WAIT);
        Instant nextAfterCatchUp = caughtUp.nextRun().orElseThrow();
        caughtUp.shutdown(true);

        new LastRunFile(state).record(weekAgo);
        Daemon replaying = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withMisfireThreshold(Duration.ofDays(8)),
                () -> new FireOutcome.Done("replayed"));
        FireWatch replayed = FireWatch.on(replaying);
        AtomicInteger replayMisfires = countMisfires(replaying);
        replaying.start();
        List<FireWatch.Fire> fires = replayed.next(missed.size(), WAIT);
        replaying.shutdown(true);

        assertTrue(nextAfterCatchUp.isAfter(Instant.now()), "missed mornings still pending: " + nextAfterCatchUp);
        assertEquals(List.of(), caughtUpFires.drain(), "more than one catch-up run");
        assertEquals(1, caughtUpMisfires.get());
        assertEquals(missed, fires.stream().map(FireWatch.Fire::scheduledFor).toList(), "one run per missed morning");
        assertEquals(0, replayMisfires.get());
    }

    /**
     * The README's own example: a ten-second schedule, and a daemon that was down for half a minute.
     * The single node's threshold is shorter than any schedule's interval, so it runs once when it is
     * back (with Quartz's default of a minute it would run three times in a row).
     */
    @Test
    void onATenSecondScheduleADaemonDownForHalfAMinuteRunsOnceWhenItIsBack() throws Exception {
        DaemonSchedule everyTenSeconds = DaemonSchedule.of("*/10 * * ? * *", ZoneOffset.UTC, "test");
        Instant lastRun = Instant.now().minusSeconds(35);
        new LastRunFile(state).record(lastRun);
        Daemon daemon = daemon(DaemonConfig.local(everyTenSeconds, state), () -> new FireOutcome.Done("caught up"));
        List<Instant> pendingAfterFirst = new ArrayList<>();
        FireWatch watch = FireWatch.on(daemon).afterEachFire(n -> {
            if (n == 1) {
                try {
                    // still in the worker: nothing Quartz would fire next is due yet
                    pendingAfterFirst.add(daemon.nextRun().orElseThrow());
                    pendingAfterFirst.add(Instant.now());
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        Instant start = Instant.now();
        daemon.start();
        FireWatch.Fire catchUp = watch.next(WAIT);

        assertFalse(catchUp.scheduledFor().isBefore(start.minusSeconds(1)),
                "ran as the missed time " + catchUp.scheduledFor() + " rather than once, now");
        assertTrue(pendingAfterFirst.get(0).isAfter(pendingAfterFirst.get(1)),
                "another missed time was due right after the catch-up: " + pendingAfterFirst);
    }

    @Test
    void aDaemonThatMissedNothingWaitsForTheNextScheduledTime() throws Exception {
        Instant now = Instant.now();
        Instant lastScheduled = WEEKDAY_MORNINGS.nextAfter(now.minus(8, ChronoUnit.DAYS)).orElseThrow();
        for (Instant t = lastScheduled; t.isBefore(now); t = WEEKDAY_MORNINGS.nextAfter(t).orElseThrow()) {
            lastScheduled = t;
        }
        new LastRunFile(state).record(lastScheduled);   // it ran at the latest scheduled time, then stopped
        AtomicInteger runs = new AtomicInteger();
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state),
                () -> new FireOutcome.Done("run " + runs.incrementAndGet()), Clock.fixed(now, ZoneOffset.UTC));
        daemon.start();

        assertEquals(WEEKDAY_MORNINGS.nextAfter(now).orElseThrow(), daemon.nextRun().orElseThrow());
        assertNull(daemon.scheduler().getTrigger(Daemon.SCHEDULE).getPreviousFireTime(), "nothing fired at start");
        assertEquals(0, runs.get());
    }

    /**
     * A fire that comes due while a run is in progress waits for it. The daemon's clock is a week behind, so
     * at start both the catch-up of the schedule and the run-now are due: the second is due while the first
     * runs, by construction rather than by waiting for the wall clock to reach it.
     */
    @Test
    void aFireThatComesDueDuringARunWaitsForItInsteadOfOverlapping() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ConcurrentLinkedQueue<Instant[]> spans = new ConcurrentLinkedQueue<>();
        Clock weekBehind = Clock.offset(Clock.systemUTC(), Duration.ofDays(-7));
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true), () -> {
            Instant start = Instant.now();
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                if (firstStarted.getCount() == 1) {
                    firstStarted.countDown();
                    releaseFirst.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            active.decrementAndGet();
            spans.add(new Instant[] {start, Instant.now()});
            return new FireOutcome.Done("done");
        }, weekBehind);
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        assertTrue(firstStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        List<Instant> due = new ArrayList<>();
        for (Trigger trigger : daemon.scheduler().getTriggersOfJob(AlertJob.KEY)) {
            if (trigger.getNextFireTime() != null && !trigger.getNextFireTime().toInstant().isAfter(Instant.now())) {
                due.add(trigger.getNextFireTime().toInstant());
            }
        }
        assertEquals(1, due.size(), "while the first run is held, the second fire is due");
        releaseFirst.countDown();
        watch.next(2, WAIT);

        assertEquals(1, mostActive.get(), "two runs overlapped");
        Instant[] first = spans.poll();
        Instant[] second = spans.poll();
        assertFalse(second[0].isBefore(first[1]), "the second run started before the first ended");
    }

    @Test
    void shutdownWaitsForTheRunInProgressToFinish() throws Exception {
        CountDownLatch runStarted = new CountDownLatch(1);
        CountDownLatch releaseRun = new CountDownLatch(1);
        AtomicBoolean runFinished = new AtomicBoolean();
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true), () -> {
            runStarted.countDown();
            try {
                releaseRun.await();
            } catch (InterruptedException e) {
                return new FireOutcome.Failed("interrupted");
            }
            runFinished.set(true);
            return new FireOutcome.Done("finished after shutdown began");
        });
        CountDownLatch shuttingDown = new CountDownLatch(1);
        daemon.scheduler().getListenerManager().addSchedulerListener(new SchedulerListenerSupport() {
            // shutdown's first step (it then waits for the worker, before it says "shutting down")
            @Override
            public void schedulerInStandbyMode() {
                shuttingDown.countDown();
            }
        });
        daemon.start();
        assertTrue(runStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        Thread stopper = new Thread(() -> daemon.shutdown(true), "stopper");
        stopper.start();
        assertTrue(shuttingDown.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(stopper.isAlive(), "shutdown returned while a run was in progress");
        releaseRun.countDown();
        stopper.join(WAIT.toMillis());

        assertFalse(stopper.isAlive());
        assertTrue(runFinished.get(), "the run was cut short");
        assertTrue(logText.toString().contains("finished after shutdown began; stopping after this run"), logText.toString());
    }

    /**
     * The production backoff, 5 then 15 minutes, read off the log: the retry times come from the daemon's
     * clock, which stands two hours back, so each retry is due at once instead of minutes from now.
     */
    @Test
    void aFailedRunIsRetriedAfterABackoffNotOnlyAtTheNextScheduledTime() throws Exception {
        List<FireOutcome> outcomes = new ArrayList<>(List.of(
                new FireOutcome.Failed("smtp.example.com:587: connection refused"),
                new FireOutcome.Failed("smtp.example.com:587: connection refused"),
                new FireOutcome.Done("sent 2 alerts")));
        Clock clock = twoHoursAgo();
        Instant then = clock.instant();
        Daemon daemon = daemon(DaemonConfig.local(NEW_YEAR_2099, state).withRunNow(true), () -> outcomes.remove(0), clock);
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        List<FireWatch.Fire> fires = watch.next(3, WAIT);

        assertEquals("truce.now.run-now-local", fires.get(0).trigger());
        assertEquals("truce.retry.attempt-1", fires.get(1).trigger());
        assertEquals("truce.retry.attempt-2", fires.get(2).trigger());
        assertEquals(List.of(), pendingRetries(daemon), "a retry is still pending after a success");
        List<String> lines = logText.toString().lines().toList();
        assertEquals(stamp(then) + " truce daemon: daemon started (single node), schedule '0 0 7 1 1 ? 2099' in Z; "
                + "next run 2099-01-01T07:00:00Z", lines.get(0));
        assertTrue(lines.get(1).endsWith(" truce daemon: smtp.example.com:587: connection refused; retry at "
                + stamp(then.plus(Duration.ofMinutes(5))) + ", next run 2099-01-01T07:00:00Z"), lines.get(1));
        assertTrue(lines.get(2).endsWith(" truce daemon: smtp.example.com:587: connection refused; retry at "
                + stamp(then.plus(Duration.ofMinutes(15))) + ", next run 2099-01-01T07:00:00Z"), lines.get(2));
        assertTrue(lines.get(3).endsWith(" truce daemon: sent 2 alerts; next run 2099-01-01T07:00:00Z"), lines.get(3));
        assertTrue(new LastRunFile(state).read().isPresent());
    }

    private String stamp(Instant instant) {
        return log.stamp(instant);
    }

    @Test
    void aRunThatFailsIsNotRememberedAsTheLastRunSoARestartCatchesUp() throws Exception {
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true),
                () -> new FireOutcome.Failed("smtp.example.com:587: connection refused"));
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        watch.next(WAIT);

        assertEquals(Optional.empty(), new LastRunFile(state).read());
    }

    @Test
    void anInvalidFileIsLoggedWithItsProblemsAndNotRetriedBeforeTheNextFire() throws Exception {
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true), () -> new FireOutcome.InvalidFile(
                List.of("obligations.yaml:4:9: truce.days: expected a whole number", "obligations.yaml:9:3: obligations[0].id: missing"),
                "obligations.yaml is invalid (2 problems); told desk@example.com"));
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        watch.next(WAIT);

        List<String> lines = logText.toString().lines().toList();
        assertEquals("obligations.yaml:4:9: truce.days: expected a whole number", lines.get(1));
        assertEquals("obligations.yaml:9:3: obligations[0].id: missing", lines.get(2));
        assertTrue(lines.get(3).contains("obligations.yaml is invalid (2 problems); told desk@example.com; next run "), lines.get(3));
        assertEquals(List.of(), pendingRetries(daemon));
    }

    @Test
    void runNowFiresAtOnceAndThenKeepsTheSchedule() throws Exception {
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true),
                () -> new FireOutcome.Done("nothing due"));
        FireWatch watch = FireWatch.on(daemon);
        Instant before = Instant.now();
        daemon.start();
        FireWatch.Fire fire = watch.next(WAIT);

        assertEquals("truce.now.run-now-local", fire.trigger());
        assertEquals(WEEKDAY_MORNINGS.nextAfter(before).orElseThrow(), daemon.nextRun().orElseThrow());
    }
}
