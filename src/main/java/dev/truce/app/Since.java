package dev.truce.app;

import dev.truce.domain.Moment;

/** Where `truce changes` starts comparing: the last run (the default), a moment, or a git revision. */
public sealed interface Since {
    /** Since this user's last run, else the last 24 hours. */
    record LastRun() implements Since {
    }

    /** Since the files as committed at the newest commit at or before the moment; {@code asked} as typed. */
    record At(Moment moment, String asked) implements Since {
    }

    /**
     * Since the files as committed at the newest commit at or before this long ago: {@code 7d}, {@code "1 week ago"}.
     * Days and weeks are calendar days in the truce's zone, hours are hours; {@code asked} as typed.
     */
    record Ago(java.time.Period days, java.time.Duration hours, String asked) implements Since {
        /** The moment this long before {@code now}, days counted in {@code zone}. */
        public java.time.Instant before(java.time.Instant now, java.time.ZoneId zone) {
            return now.atZone(zone).minus(days).toInstant().minus(hours);
        }
    }

    /** Since the files as committed at a revision git resolves (HEAD~3, a tag, a short id). */
    record Revision(String revision) implements Since {
    }

    Since LAST_RUN = new LastRun();
}
