package dev.truce.app;

import dev.truce.domain.DeadlineWatch.Level;
import dev.truce.domain.Phrases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The watchdog of `truce check` (Alertmanager's always-firing alert, turned round): whether the alert runs are
 * alive, from the heartbeat they leave. Stopped for longer than the allowed age is CRITICAL, the one thing about
 * alerts an operator can and must fix at once; no run recorded yet, a record that cannot be read and a record in
 * the future are WARNING: alerts may or may not run, and nobody can tell, which is never OK. A run with nothing
 * to send is a successful run: it leaves the record too. {@code age} is the age of a readable record from the
 * past, for the performance data, also when the watchdog is off (--alert-max-age 0), for a system that alerts on
 * the age itself.
 */
public record AlertLiveness(Level level, Optional<String> said, Optional<Duration> age) {
    /** How far in the future a record may be before it is not believed: clocks are set, not perfect. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
    private static final AlertLiveness SILENT = new AlertLiveness(Level.OK, Optional.empty(), Optional.empty());

    /**
     * {@code maxAgeHours} 0 turns the watchdog off; a replay ({@code replay}: --as-of) says nothing about today's
     * runs either. {@code zone}: the truce's, for the times in the sentence.
     */
    public static AlertLiveness of(AlertHeartbeat.Reading reading, Instant now, int maxAgeHours, boolean replay,
                                   ZoneId zone) {
        if (replay) {
            return SILENT;
        }
        if (maxAgeHours == 0) {
            // the watchdog is off here (a host that sends no alerts, or one watched by the age in the perfdata)
            return new AlertLiveness(Level.OK, Optional.empty(), reading instanceof AlertHeartbeat.At at
                    && !at.at().isAfter(now.plus(CLOCK_SLACK)) ? Optional.of(age(at.at(), now)) : Optional.empty());
        }
        if (reading instanceof AlertHeartbeat.None) {
            return warning("no successful alert run recorded yet: set up cron (scripts/truce-cron) or the daemon, "
                    + "or give --alert-max-age 0 where no alerts are sent");
        }
        if (reading instanceof AlertHeartbeat.Unreadable unreadable) {
            return warning("the record of the last successful alert run (" + AlertHeartbeat.FILE_NAME + " in the state "
                    + "folder) is " + unreadable.why() + ", so whether alerts run is not known: remove it, and the "
                    + "next successful truce alert writes it anew");
        }
        Instant last = ((AlertHeartbeat.At) reading).at();
        if (last.isAfter(now.plus(CLOCK_SLACK))) {
            return warning("the last successful alert run is recorded at " + last.atZone(zone).format(AT) + ", in the "
                    + "future, so whether alerts run is not known: is the clock right? The next successful truce "
                    + "alert writes the record anew");
        }
        Duration age = age(last, now);
        if (age.compareTo(Duration.ofHours(maxAgeHours)) <= 0) {
            return new AlertLiveness(Level.OK, Optional.empty(), Optional.of(age));
        }
        String ago = Phrases.plural((int) age.toHours(), "hour", "hours")
                + (age.toMinutesPart() == 0 ? "" : " " + Phrases.plural(age.toMinutesPart(), "minute", "minutes"));
        return new AlertLiveness(Level.CRITICAL, Optional.of("alerts stopped: the last successful alert run was "
                + last.atZone(zone).format(AT) + ", " + ago + " ago (more than " + maxAgeHours + "): check cron "
                + "(scripts/truce-cron) or the daemon"), Optional.of(age));
    }

    private static Duration age(Instant last, Instant now) {
        return last.isAfter(now) ? Duration.ZERO : Duration.between(last, now);
    }

    private static AlertLiveness warning(String said) {
        return new AlertLiveness(Level.WARNING, Optional.of(said), Optional.empty());
    }
}
