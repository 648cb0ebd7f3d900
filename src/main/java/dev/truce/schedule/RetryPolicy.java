package dev.truce.schedule;

import java.time.Duration;
import java.util.List;

/**
 * How long to wait before trying again after a run that failed for a reason that may pass (the
 * mail server or the database was down). The last delay repeats until a run succeeds.
 */
public record RetryPolicy(List<Duration> delays) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)));

    public RetryPolicy {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry policy needs at least one delay");
        }
        delays = List.copyOf(delays);
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delayBefore(int attempt) {
        return delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1);
    }
}
