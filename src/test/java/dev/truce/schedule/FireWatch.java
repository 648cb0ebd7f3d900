package dev.truce.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.listeners.SchedulerListenerSupport;

/**
 * A Quartz listener that hands each finished fire to the test, so tests wait on fires, not on time.
 * {@link #oneFireAtATime} holds the daemon after each fire until the test takes it, for fires that
 * come one right after another (late fires replayed in turn): what the test asserts between two
 * {@link #next} calls is then what the daemon did up to that fire, and nothing more.
 */
final class FireWatch extends JobListenerSupport {
    /** One finished fire: which trigger, the time it was scheduled for, and the node that ran it. */
    record Fire(String trigger, Instant scheduledFor, Instant firedAt, String instanceId) {
    }

    private final BlockingQueue<Fire> fires = new LinkedBlockingQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile IntConsumer afterFire = n -> { };
    private volatile Semaphore gate;
    private int taken;

    /**
     * Runs {@code action} with the fire's number (1, 2, ...) after each fire, in the worker thread,
     * before Quartz lets the next fire of the job start: the place to edit files "between fires".
     */
    FireWatch afterEachFire(IntConsumer action) {
        this.afterFire = action;
        return this;
    }

    static FireWatch on(Daemon daemon) throws SchedulerException {
        return new FireWatch().attach(daemon);
    }

    FireWatch attach(Daemon daemon) throws SchedulerException {
        daemon.scheduler().getListenerManager().addJobListener(this);
        daemon.scheduler().getListenerManager().addSchedulerListener(new SchedulerListenerSupport() {
            // shutdown's first step: a daemon held after a fire must be let go, or shutdown(true) waits for ever
            @Override
            public void schedulerInStandbyMode() {
                Semaphore held = gate;
                if (held != null) {
                    held.release(Integer.MAX_VALUE / 2);
                }
            }
        });
        return this;
    }

    /** From now on each fire, once finished, waits until the test has taken it and asks for the next one. */
    FireWatch oneFireAtATime() {
        this.gate = new Semaphore(0);
        return this;
    }

    @Override
    public String getName() {
        return "fire-watch-" + System.identityHashCode(this);
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException exception) {
        afterFire.accept(finished.incrementAndGet());
        try {
            fires.add(new Fire(context.getTrigger().getKey().toString(),
                    context.getScheduledFireTime().toInstant(), context.getFireTime().toInstant(),
                    context.getScheduler().getSchedulerInstanceId()));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        Semaphore held = gate;
        if (held != null) {
            held.acquireUninterruptibly();
        }
    }

    /** The next finished fire; fails the test if none comes within {@code timeout}. */
    Fire next(Duration timeout) throws InterruptedException {
        Semaphore held = gate;
        if (held != null && taken++ > 0) {
            held.release();   // the fire after the one the test took last may now start
        }
        Fire fire = fires.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (fire == null) {
            throw new AssertionError("no fire finished within " + timeout);
        }
        return fire;
    }

    List<Fire> next(int count, Duration timeout) throws InterruptedException {
        List<Fire> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(next(timeout));
        }
        return list;
    }

    /** Fires that finished but were not taken yet. */
    List<Fire> drain() {
        List<Fire> list = new ArrayList<>();
        fires.drainTo(list);
        return list;
    }
}
