package dev.truce.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Retries of a failed run, as one-shot triggers of the alert job. At most one is pending: a new
 * failure replaces it, a success removes it. The attempt number travels in the trigger's data as a
 * plain string, so it survives in the cluster's database.
 */
final class Retries {
    static final String GROUP = "truce.retry";
    static final String ATTEMPT = "attempt";

    private final RetryPolicy policy;
    private final Clock clock;

    Retries(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Schedules the next attempt after {@code failed} and returns when it will fire. */
    Instant scheduleAfter(Scheduler scheduler, Trigger failed) throws SchedulerException {
        int attempt = attemptOf(failed) + 1;
        Instant at = clock.instant().plus(policy.delayBefore(attempt));
        cancelOthers(scheduler, failed.getKey());
        scheduler.scheduleJob(TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey("attempt-" + attempt, GROUP))
                .forJob(AlertJob.KEY)
                .usingJobData(ATTEMPT, Integer.toString(attempt))
                .startAt(Date.from(at))
                // a retry that is late (the machine slept) still runs, once
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build());
        return at;
    }

    /** Removes pending retries other than the one that is running now (Quartz removes that one itself). */
    void cancelOthers(Scheduler scheduler, TriggerKey running) throws SchedulerException {
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (!key.equals(running)) {
                scheduler.unscheduleJob(key);
            }
        }
    }

    /** 0 for the schedule's own fires, n for the n-th retry. */
    static int attemptOf(Trigger trigger) {
        JobDataMap data = trigger.getJobDataMap();
        return GROUP.equals(trigger.getKey().getGroup()) && data.containsKey(ATTEMPT)
                ? Integer.parseInt(data.getString(ATTEMPT)) : 0;
    }
}
