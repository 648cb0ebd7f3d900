package dev.truce.alert.mail;

import java.time.Duration;

/** Durations as a person reads them in a message: "120 s", or "500 ms" below a second. */
final class Durations {
    private Durations() {
    }

    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
