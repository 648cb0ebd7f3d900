package dev.truce.schedule;

import dev.truce.domain.TruceException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** When the daemon fires: a Quartz cron expression read in a named zone (07:00 means 07:00 there, DST or not). */
public record DaemonSchedule(String cron, ZoneId zone) {
    /** Weekday mornings at seven, before the desk's first call. */
    public static final String DEFAULT_CRON = "0 0 7 ? * MON-FRI";

    /**
     * Checks the expression; {@code origin} names where it came from (the flag or the file key) in
     * the message, since a person must know which one to fix.
     */
    public static DaemonSchedule of(String cron, ZoneId zone, String origin) {
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            throw TruceException.badInput(origin + ": '" + cron + "' is not a Quartz cron expression ("
                    + e.getMessage() + "; expected seconds minutes hours day-of-month month day-of-week, e.g. '"
                    + DEFAULT_CRON + "')");
        }
        return new DaemonSchedule(cron, zone);
    }

    CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalStateException("checked in of(): " + cron, e);
        }
    }

    /** The first fire strictly after {@code instant}; empty for an expression that never fires again. */
    public Optional<Instant> nextAfter(Instant instant) {
        return Optional.ofNullable(expression().getNextValidTimeAfter(Date.from(instant))).map(Date::toInstant);
    }
}
