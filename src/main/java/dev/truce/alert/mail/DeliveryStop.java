package dev.truce.alert.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request to stop, as the SMTP deliveries in progress see it: from the request on, each may take
 * at most the grace given, then its connection is closed and it fails as not sent. This is how the
 * daemon's first SIGTERM lets mail that is being sent go out (and be recorded) without letting a
 * server that never finishes its reply hold the stop.
 */
public final class DeliveryStop {
    /** The process's own: the daemon's signal handler requests it; every mailer obeys it unless given another. */
    public static final DeliveryStop PROCESS = new DeliveryStop();

    private final Set<Delivery> inProgress = ConcurrentHashMap.newKeySet();
    private Long stopAt;
    private Duration grace;

    /**
     * Deliveries in progress, and any started from now on, end at most {@code grace} from now. A
     * second request never extends the first.
     */
    public void request(Duration grace) {
        long at;
        synchronized (this) {
            if (stopAt == null) {
                this.stopAt = System.nanoTime() + grace.toNanos();
                this.grace = grace;
            }
            at = stopAt;
        }
        inProgress.forEach(delivery -> delivery.endBy(at, Delivery.End.STOP));
    }

    /** The grace of the request, once there is one. */
    synchronized Optional<Duration> grace() {
        return Optional.ofNullable(grace);
    }

    void track(Delivery delivery) {
        inProgress.add(delivery);
        Long at;
        synchronized (this) {
            at = stopAt;
        }
        if (at != null) {
            delivery.endBy(at, Delivery.End.STOP);
        }
    }

    void forget(Delivery delivery) {
        inProgress.remove(delivery);
    }
}
