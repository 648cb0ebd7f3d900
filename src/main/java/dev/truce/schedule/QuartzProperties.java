package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import java.time.Duration;
import java.util.Properties;

/**
 * The scheduler's configuration, built in code rather than read from a quartz.properties on the
 * class path, so what runs is what this file says. One worker thread: the daemon has one job and
 * never runs it twice at once.
 */
final class QuartzProperties {
    static final String INSTANCE_NAME = "truce";

    private QuartzProperties() {
    }

    static Properties inMemory(Duration misfireThreshold) {
        Properties p = common(misfireThreshold);
        p.setProperty("org.quartz.scheduler.instanceId", "local");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return p;
    }

    static Properties clustered(ClusterDatabase database, String instanceId, Duration misfireThreshold,
                                Duration checkinInterval, Duration idleWait) {
        Properties p = common(misfireThreshold);
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(idleWait.toMillis()));
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        // Quartz keeps data sources in one JVM-wide registry by name, and a scheduler's shutdown
        // closes its pool: two nodes in one JVM (the cluster test) must not share a name
        String dataSource = "truce-" + instanceId;
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", QuartzSchema.TABLE_PREFIX);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval.toMillis()));
        // job data as strings only: nothing serialized into the shared database
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        String ds = "org.quartz.dataSource." + dataSource + ".";
        p.setProperty(ds + "provider", "hikaricp");
        p.setProperty(ds + "driver", "org.postgresql.Driver");
        p.setProperty(ds + "URL", database.url());
        if (database.user() != null) {
            p.setProperty(ds + "user", database.user());
        }
        if (database.password() != null) {
            p.setProperty(ds + "password", database.password());
        }
        // the worker, the scheduler thread, and the cluster and misfire managers
        p.setProperty(ds + "maxConnections", "4");
        return p;
    }

    private static Properties common(Duration misfireThreshold) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", INSTANCE_NAME);
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "truce-alerts");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "false");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        return p;
    }
}
