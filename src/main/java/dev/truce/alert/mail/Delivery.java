package dev.truce.alert.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One exchange with the SMTP server under a deadline: connecting if needed and sending one message,
 * or saying goodbye. The per-read timeout bounds each wait for a line, not the whole; a server that
 * sends "250-still thinking" every ten seconds would otherwise keep a delivery (and the ledger's
 * lock) for ever. When the deadline or a {@link DeliveryStop} comes first, the connection's sockets
 * are closed, which ends the blocked read, and {@link #ended()} says why.
 */
final class Delivery implements AutoCloseable {
    enum End { DEADLINE, STOP }

    /** One daemon thread for every delivery's timer; it only closes sockets. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "truce-smtp-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final ConnectionSockets sockets;
    private final DeliveryStop stop;
    private ScheduledFuture<?> timer;
    private long endAt;
    private boolean finished;
    private volatile End ended;

    private Delivery(ConnectionSockets sockets, DeliveryStop stop) {
        this.sockets = sockets;
        this.stop = stop;
    }

    static Delivery start(ConnectionSockets sockets, Duration deadline, DeliveryStop stop) {
        sockets.allow();
        Delivery delivery = new Delivery(sockets, stop);
        synchronized (delivery) {
            delivery.endAt = System.nanoTime() + deadline.toNanos();
            delivery.timer = TIMER.schedule(() -> delivery.end(End.DEADLINE), deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        stop.track(delivery);
        return delivery;
    }

    /** Brings the end forward to {@code at} (a {@link System#nanoTime()}) if that is sooner. */
    synchronized void endBy(long at, End why) {
        if (finished || ended != null || at - endAt >= 0) {
            return;
        }
        timer.cancel(false);
        endAt = at;
        timer = TIMER.schedule(() -> end(why), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Why the delivery was cut short, if it was: then whatever failed, failed because of that. */
    Optional<End> ended() {
        return Optional.ofNullable(ended);
    }

    private void end(End why) {
        synchronized (this) {
            if (finished || ended != null) {
                return;
            }
            ended = why;
            // inside the lock, so a delivery that finished meanwhile cannot have its successor's socket closed
            sockets.closeAll();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            finished = true;
            timer.cancel(false);
        }
        stop.forget(this);
    }
}
