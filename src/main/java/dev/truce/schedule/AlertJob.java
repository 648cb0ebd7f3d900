package dev.truce.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * The daemon's one job: run the alerts, log one line, and if the run failed for a reason that may
 * pass, arrange a retry after a backoff. Never two at once, on one node or across a cluster: a run
 * that outlasts the interval delays the next fire instead of overlapping it.
 */
@DisallowConcurrentExecution
public final class AlertJob implements Job {
    public static final JobKey KEY = JobKey.jobKey("alerts", "truce");

    private final AlertRun run;
    private final FireLog log;
    private final Retries retries;
    private final Optional<LastRunFile> lastRun;

    AlertJob(AlertRun run, FireLog log, Retries retries, Optional<LastRunFile> lastRun) {
        this.run = run;
        this.log = log;
        this.retries = retries;
        this.lastRun = lastRun;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Instant firedAt = context.getFireTime().toInstant();
        FireOutcome outcome = runOnce();
        Scheduler scheduler = context.getScheduler();
        try {
            if (scheduler.isShutdown() || scheduler.isInStandbyMode()) {
                // shutdown puts the scheduler in standby first. No retry is arranged: a failed run
                // stays unrecorded, so the next start catches up instead
                recordIfDone(outcome, firedAt);
                log.fired(firedAt, outcome, "stopping after this run");
                return;
            }
            String next = nextRun(scheduler);
            if (outcome instanceof FireOutcome.Failed) {
                next = "retry at " + log.stamp(retries.scheduleAfter(scheduler, context.getTrigger())) + ", " + next;
            } else {
                retries.cancelOthers(scheduler, context.getTrigger().getKey());
            }
            recordIfDone(outcome, firedAt);
            log.fired(firedAt, outcome, next);
        } catch (SchedulerException | RuntimeException e) {
            // The run itself is over; a failure here must not make Quartz run it again.
            log.fired(firedAt, outcome, "could not update the schedule after the run: " + e.getMessage());
        }
    }

    private void recordIfDone(FireOutcome outcome, Instant firedAt) {
        if (!(outcome instanceof FireOutcome.Failed)) {
            lastRun.ifPresent(file -> file.record(firedAt));
        }
    }

    private String nextRun(Scheduler scheduler) throws SchedulerException {
        return nextScheduledRun(scheduler).map(n -> "next run " + log.stamp(n)).orElse("no further run is scheduled");
    }

    /** Anything the run did not turn into an outcome is a bug, but the daemon still outlives it. */
    private FireOutcome runOnce() {
        try {
            return run.run();
        } catch (RuntimeException e) {
            return new FireOutcome.Failed("internal error: " + e);
        }
    }

    /** The next fire of the schedule itself (retries are reported separately). */
    static Optional<Instant> nextScheduledRun(Scheduler scheduler) throws SchedulerException {
        Trigger cron = scheduler.getTrigger(Daemon.SCHEDULE);
        return Optional.ofNullable(cron).map(Trigger::getNextFireTime).filter(Objects::nonNull).map(Date::toInstant);
    }
}
