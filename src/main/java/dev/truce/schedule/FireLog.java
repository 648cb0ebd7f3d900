package dev.truce.schedule;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The daemon's own log: one line per fire (when, what was sent, when the next run is), written to
 * stderr for systemd's journal or a terminal. Quartz's chatter goes through SLF4J at WARN instead.
 */
public final class FireLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final PrintWriter err;
    private final ZoneId zone;

    public FireLog(PrintWriter err, ZoneId zone) {
        this.err = err;
        this.zone = zone;
    }

    public void started(Instant now, DaemonSchedule schedule, String store, Optional<Instant> next) {
        line(now, "daemon started (" + store + "), schedule '" + schedule.cron() + "' in " + schedule.zone()
                + "; " + nextRun(next));
    }

    /** {@code then} says what happens next: the next run, a retry, or that the daemon is stopping. */
    public void fired(Instant at, FireOutcome outcome, String then) {
        if (outcome instanceof FireOutcome.InvalidFile invalid) {
            invalid.problems().forEach(err::println);
        }
        line(at, outcome.summary() + "; " + then);
    }

    public void stopping(Instant now) {
        line(now, "stopping: a run in progress finishes first (a second signal stops at once)");
    }

    public void stopped(Instant now) {
        line(now, "daemon stopped");
    }

    public void line(Instant at, String text) {
        err.println(stamp(at) + " truce daemon: " + text);
        err.flush();
    }

    private String nextRun(Optional<Instant> next) {
        return next.map(n -> "next run " + stamp(n)).orElse("no further run is scheduled");
    }

    String stamp(Instant instant) {
        return STAMP.format(instant.atZone(zone));
    }
}
