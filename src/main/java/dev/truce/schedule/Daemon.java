package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The alert schedule in a Quartz scheduler: built from {@link QuartzProperties}, one job, one cron
 * trigger, retries and "run now" as one-shot triggers. {@link #create} sets everything up without
 * starting, so a caller can attach listeners first; {@link #start} starts it.
 *
 * <p>The daemon's own idea of now (where a catch-up starts, when a retry is due, the stamps of its
 * log) comes from the {@link Clock} it is given. Quartz keeps its own wall clock to decide when a
 * trigger is due, so a clock set in the past makes the fires it computes due at once: that is how
 * tests make a fire happen without waiting for one.
 */
public final class Daemon {
    static final TriggerKey SCHEDULE = TriggerKey.triggerKey("schedule", "truce");
    static final String RUN_NOW_GROUP = "truce.now";

    private final Scheduler scheduler;
    private final DaemonConfig config;
    private final FireLog log;
    private final Clock clock;

    private Daemon(Scheduler scheduler, DaemonConfig config, FireLog log, Clock clock) {
        this.scheduler = scheduler;
        this.config = config;
        this.log = log;
        this.clock = clock;
    }

    public static Daemon create(DaemonConfig config, AlertRun run, FireLog log, Clock clock)
            throws SchedulerException, SQLException {
        Optional<LastRunFile> lastRun = config.stateDirectory().map(LastRunFile::new);
        Properties properties;
        if (config.cluster().isPresent()) {
            ClusterDatabase database = config.cluster().get();
            try (Connection connection = database.connect()) {
                QuartzSchema.ensure(connection);
            }
            properties = QuartzProperties.clustered(database, config.instanceId(), config.misfireThreshold(),
                    config.checkinInterval(), config.idleWait());
        } else {
            properties = QuartzProperties.inMemory(config.misfireThreshold());
        }
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // truce never looks a scheduler up by name; left registered, a second node of the same
        // cluster in this JVM (the cluster test) would be handed this one instead of its own
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory(new AlertJobFactory(run, log, new Retries(config.retry(), clock), lastRun));
        Daemon daemon = new Daemon(scheduler, config, log, clock);
        daemon.scheduleJob(lastRun);
        return daemon;
    }

    private void scheduleJob(Optional<LastRunFile> lastRun) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(AlertJob.class).withIdentity(AlertJob.KEY)
                .withDescription("truce alerts")
                .storeDurably()
                // in a cluster, a run cut short by a dead node is run again by a live one;
                // the ledger makes the second run send only what the first did not
                .requestRecovery(config.cluster().isPresent())
                .build();
        scheduler.addJob(job, true);
        if (config.cluster().isPresent()) {
            keepOrReplaceClusterTrigger();
        } else {
            scheduler.scheduleJob(cronTrigger(localStart(lastRun, clock.instant())));
        }
        if (config.runNow()) {
            scheduler.scheduleJob(TriggerBuilder.newTrigger()
                    .withIdentity(TriggerKey.triggerKey("run-now-" + config.instanceId(), RUN_NOW_GROUP))
                    .forJob(AlertJob.KEY).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
        }
    }

    /**
     * Where the single node's schedule starts: just after its last run if that is in the past, so
     * the times missed while it was down count as missed fires; else now. With --run-now the run at
     * start stands for anything missed.
     */
    private Instant localStart(Optional<LastRunFile> lastRun, Instant now) {
        if (config.runNow()) {
            return now;
        }
        return lastRun.flatMap(LastRunFile::read).map(last -> last.plusSeconds(1)).filter(now::isAfter).orElse(now);
    }

    /**
     * Starting from {@code startAt} in the past makes every scheduled time since then a missed
     * fire. FIRE_ONCE_NOW (Quartz's "fire and proceed") runs once for all of them, then keeps the
     * schedule: after a sleep or a downtime the desk gets one catch-up run, never a burst, never none.
     */
    private CronTrigger cronTrigger(Instant startAt) {
        return TriggerBuilder.newTrigger().withIdentity(SCHEDULE).forJob(AlertJob.KEY)
                .startAt(Date.from(startAt))
                .withSchedule(CronScheduleBuilder.cronSchedule(config.schedule().expression())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /**
     * The cluster's trigger lives in the database and carries the schedule's memory (its next fire
     * time, so a fire missed while every node was down is caught up). A node keeps it unless the
     * schedule changed; nodes starting together may race to create it, which is fine.
     */
    private void keepOrReplaceClusterTrigger() throws SchedulerException {
        Trigger existing = scheduler.getTrigger(SCHEDULE);
        if (existing instanceof CronTrigger cron && sameSchedule(cron)) {
            return;
        }
        try {
            if (existing == null) {
                scheduler.scheduleJob(cronTrigger(clock.instant()));
            } else {
                scheduler.rescheduleJob(SCHEDULE, cronTrigger(clock.instant()));
            }
        } catch (ObjectAlreadyExistsException another) {
            // another node created it between our look and our insert
        }
    }

    private boolean sameSchedule(CronTrigger cron) {
        return cron.getCronExpression().equals(config.schedule().cron())
                && cron.getTimeZone().toZoneId().equals(config.schedule().zone());
    }

    /** Starts firing and logs when the next run is due. */
    public Optional<Instant> start() throws SchedulerException {
        // The start line comes first: with --run-now the first fire may log the moment the scheduler starts.
        Optional<Instant> next = nextRun();
        log.started(clock.instant(), config.schedule(), config.storeDescription(), next);
        scheduler.start();
        return next;
    }

    public Optional<Instant> nextRun() throws SchedulerException {
        return AlertJob.nextScheduledRun(scheduler);
    }

    /**
     * Fires nothing more from now on, at once (the run in progress carries on): what the first
     * signal does before the slower {@link #shutdown}, so the run's log line already says it is the last.
     */
    public void stopFiring() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            log.line(clock.instant(), "error while stopping the scheduler: " + e.getMessage());
        }
    }

    /** Stops firing; with {@code waitForRun}, returns only once the run in progress has finished. */
    public void shutdown(boolean waitForRun) {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(waitForRun);
            }
        } catch (SchedulerException e) {
            log.line(clock.instant(), "error while stopping the scheduler: " + e.getMessage());
        }
    }

    public boolean isShutdown() throws SchedulerException {
        return scheduler.isShutdown();
    }

    /** For tests in this package: listeners, trigger state. */
    Scheduler scheduler() {
        return scheduler;
    }
}
