package dev.truce.schedule;

import java.util.Optional;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Hands the alert job its collaborators; Quartz would otherwise call a no-argument constructor. */
final class AlertJobFactory implements JobFactory {
    private final AlertRun run;
    private final FireLog log;
    private final Retries retries;
    private final Optional<LastRunFile> lastRun;

    AlertJobFactory(AlertRun run, FireLog log, Retries retries, Optional<LastRunFile> lastRun) {
        this.run = run;
        this.log = log;
        this.retries = retries;
        this.lastRun = lastRun;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type != AlertJob.class) {
            // a shared database could hold jobs of another application under our scheduler name
            throw new SchedulerException("truce runs only " + AlertJob.class.getName() + ", not " + type.getName());
        }
        return new AlertJob(run, log, retries, lastRun);
    }
}
