package dev.truce.app;

import dev.truce.domain.Moment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The moment a command looks at the world from: now by the clock, or a moment the user named.
 * A bare date means the start of that day in the truce's zone, which is known only once the file is read.
 */
public record AsOf(Moment moment) {
    public static final AsOf NOW = new AsOf(null);

    public Instant resolve(Clock clock, ZoneId truceZone) {
        return moment == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : moment.start(truceZone);
    }
}
