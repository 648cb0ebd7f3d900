package dev.truce.schedule;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) for a foreground daemon. The first asks for a clean stop, which the
 * daemon's main thread carries out (the run in progress finishes, then exit 0). The second halts at
 * once: someone who presses Ctrl-C twice means it. The JVM's own handling cannot do either: it
 * exits 143/130 rather than 0, and a signal that arrives while shutdown hooks run is ignored.
 * sun.misc.Signal (module jdk.unsupported) is the one way to handle a signal in Java 17; javac
 * warns that it is internal, and this class is the only user.
 */
public final class ShutdownSignals {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final Runnable onFirst;

    private ShutdownSignals(Runnable onFirst) {
        this.onFirst = onFirst;
    }

    /** Takes over TERM and INT for this process; {@code onFirst} runs on the first (e.g. to log it). */
    public static ShutdownSignals install(Runnable onFirst) {
        ShutdownSignals signals = new ShutdownSignals(onFirst);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signals::received);
        }
        return signals;
    }

    private void received(Signal signal) {
        if (received.incrementAndGet() == 1) {
            onFirst.run();
            requested.countDown();
        } else {
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }

    /** Blocks until the first signal. */
    public void awaitStopRequest() throws InterruptedException {
        requested.await();
    }
}
