package dev.truce.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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

/** The scheduling itself, with the alert run behind the {@link AlertRun} seam; AlertDaemonTest runs the real one. */
class DaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DaemonSchedule EVERY_SECOND = DaemonSchedule.of("* * * ? * *", ZoneOffset.UTC, "test");
    private static final DaemonSchedule WEEKDAY_MORNINGS = DaemonSchedule.of(DaemonSchedule.DEFAULT_CRON,
            ZoneId.of("America/New_York"), "test");

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
        Daemon daemon = Daemon.create(config, run, log);
        daemons.add(daemon);
        return daemon;
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

    @Test
    void eachFireRunsTheAlertsAndLogsOneLineWithTheNextRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Daemon daemon = daemon(DaemonConfig.local(EVERY_SECOND, state),
                () -> new FireOutcome.Done("sent " + runs.incrementAndGet() + " alerts"));
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        List<FireWatch.Fire> fires = watch.next(2, WAIT);

        assertEquals(2, runs.get(), "one run per fire");
        assertTrue(fires.get(1).scheduledFor().isAfter(fires.get(0).scheduledFor()));
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
        daemon.start();

        FireWatch.Fire fire = watch.next(WAIT);
        assertEquals(Daemon.SCHEDULE.toString(), fire.trigger());
        // The schedule's next fire is a future morning: nothing else is pending, no burst follows.
        Instant next = daemon.nextRun().orElseThrow();
        assertTrue(next.isAfter(Instant.now()), "next run " + next);
        assertEquals(WEEKDAY_MORNINGS.nextAfter(fire.firedAt()).orElseThrow(), next);
        assertEquals(1, runs.get());
        assertEquals(Optional.of(fire.firedAt()), new LastRunFile(state).read(), "the catch-up counts as the last run");
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
                () -> new FireOutcome.Done("run " + runs.incrementAndGet()));
        daemon.start();

        assertEquals(WEEKDAY_MORNINGS.nextAfter(now).orElseThrow(), daemon.nextRun().orElseThrow());
        assertNull(daemon.scheduler().getTrigger(Daemon.SCHEDULE).getPreviousFireTime(), "nothing fired at start");
        assertEquals(0, runs.get());
    }

    @Test
    void aRunLongerThanTheIntervalDelaysTheNextFireInsteadOfOverlappingIt() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ConcurrentLinkedQueue<Instant[]> spans = new ConcurrentLinkedQueue<>();
        Daemon daemon = daemon(DaemonConfig.local(EVERY_SECOND, state), () -> {
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
        });
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        assertTrue(firstStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        // Hold the first run until two later fire times have certainly passed: waiting for a
        // known instant on the clock, not guessing how long something takes.
        Instant overdue = daemon.nextRun().orElseThrow().plusSeconds(1).plusMillis(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), overdue).toMillis()));
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

    @Test
    void aFailedRunIsRetriedAfterABackoffNotOnlyAtTheNextScheduledTime() throws Exception {
        List<FireOutcome> outcomes = new ArrayList<>(List.of(
                new FireOutcome.Failed("smtp.example.com:587: connection refused"),
                new FireOutcome.Failed("smtp.example.com:587: connection refused"),
                new FireOutcome.Done("sent 2 alerts")));
        RetryPolicy quick = new RetryPolicy(List.of(Duration.ofMillis(300), Duration.ofMillis(600)));
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true).withRetry(quick),
                () -> outcomes.remove(0));
        FireWatch watch = FireWatch.on(daemon);
        daemon.start();
        List<FireWatch.Fire> fires = watch.next(3, WAIT);

        assertEquals("truce.now.run-now-local", fires.get(0).trigger());
        assertEquals("truce.retry.attempt-1", fires.get(1).trigger());
        assertEquals("truce.retry.attempt-2", fires.get(2).trigger());
        assertFalse(fires.get(1).firedAt().isBefore(fires.get(0).firedAt().plusMillis(300)));
        assertFalse(fires.get(2).firedAt().isBefore(fires.get(1).firedAt().plusMillis(600)));
        assertEquals(List.of(), pendingRetries(daemon), "a retry is still pending after a success");
        List<String> lines = logText.toString().lines().toList();
        assertTrue(lines.get(1).contains("smtp.example.com:587: connection refused; retry at "), lines.get(1));
        assertTrue(lines.get(3).contains("sent 2 alerts; next run "), lines.get(3));
        assertTrue(new LastRunFile(state).read().isPresent());
    }

    @Test
    void aRunThatFailsIsNotRememberedAsTheLastRunSoARestartCatchesUp() throws Exception {
        RetryPolicy slow = new RetryPolicy(List.of(Duration.ofHours(1)));
        Daemon daemon = daemon(DaemonConfig.local(WEEKDAY_MORNINGS, state).withRunNow(true).withRetry(slow),
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
