package dev.truce.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A point in time as an instrument states it: either a bare date ("through 2026-11-09", which
 * lasts until the end of that day in the truce's zone) or an exact date-time with its offset
 * ("until 00:01 EST 2026-11-10"). The zone is supplied by whoever reads the moment, because a
 * bare date has no zone of its own.
 */
public final class Moment {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME_NO_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    public static final String DATE_EXPECTED = "expected YYYY-MM-DD";
    public static final String EXPECTED = "expected a date YYYY-MM-DD or a date-time with offset such as 2025-05-14T00:01-04:00";

    private final LocalDate date;
    private final OffsetDateTime dateTime;
    /** The start of a bare date in the last zone asked: evidence logs share one Moment per day, asked a million times. */
    private transient volatile ZonedStart startCache;

    private record ZonedStart(ZoneId zone, Instant start) {
    }

    private Moment(LocalDate date, OffsetDateTime dateTime) {
        this.date = date;
        this.dateTime = dateTime;
    }

    /**
     * A date (YYYY-MM-DD) or a date-time with its UTC offset (2025-05-14T00:01-04:00; a space for the T
     * is accepted). The message of the {@link InvalidValue} does not quote the value.
     */
    public static Moment parse(String value) {
        if (DATE.matcher(value).matches()) {
            return ofDate(parseDate(value));
        }
        try {
            String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + "T" + value.substring(11) : value;
            return ofDateTime(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidValue(DATE_TIME_NO_OFFSET.matcher(value).matches()
                    ? "has no UTC offset (add one, e.g. 2025-05-14T00:01-05:00)"
                    : "is not a date or date-time (" + EXPECTED + ")");
        }
    }

    /** YYYY-MM-DD, a real day; the message of the {@link InvalidValue} does not quote the value. */
    public static LocalDate parseDate(String value) {
        if (!DATE.matcher(value).matches()) {
            throw new InvalidValue("is not a date (" + DATE_EXPECTED + ")");
        }
        try {
            // without the formatter machinery: a log of a million entries parses a million dates
            return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (DateTimeException e) {
            throw new InvalidValue("is not a real date (" + DATE_EXPECTED + ")");
        }
    }

    public static Moment ofDate(LocalDate date) {
        return new Moment(Objects.requireNonNull(date), null);
    }

    public static Moment ofDateTime(OffsetDateTime dateTime) {
        return new Moment(null, Objects.requireNonNull(dateTime));
    }

    /** The exact date-time with its offset; null for a bare date. */
    public OffsetDateTime offsetDateTime() {
        return dateTime;
    }

    public boolean isDateOnly() {
        return date != null;
    }

    /** The instant this moment starts, e.g. when something takes effect: a bare date starts at 00:00 in the zone. */
    public Instant start(ZoneId zone) {
        if (date == null) {
            return dateTime.toInstant();
        }
        ZonedStart cached = startCache;
        if (cached != null && cached.zone().equals(zone)) {
            return cached.start();
        }
        Instant start = date.atStartOfDay(zone).toInstant();
        startCache = new ZonedStart(zone, start);
        return start;
    }

    /** The instant a deadline stated this way passes: a bare date lasts through the end of that day in the zone. */
    public Instant end(ZoneId zone) {
        return date != null ? date.plusDays(1).atStartOfDay(zone).toInstant() : dateTime.toInstant();
    }

    /** The calendar date of this moment as counted in the zone. */
    public LocalDate dateIn(ZoneId zone) {
        return date != null ? date : dateTime.atZoneSameInstant(zone).toLocalDate();
    }

    /** This moment moved by whole calendar days in the zone, keeping its wall-clock time across DST changes. */
    public Moment plusDays(long days, ZoneId zone) {
        if (date != null) {
            return ofDate(date.plusDays(days));
        }
        ZonedDateTime moved = dateTime.atZoneSameInstant(zone).plusDays(days);
        return ofDateTime(moved.toOffsetDateTime());
    }

    /** As written in the file: 2026-11-09 or 2026-11-10T00:01-05:00. */
    public String iso() {
        return date != null ? date.toString() : dateTime.toString();
    }

    /** For people: 2026-11-09 for a date, 2026-11-10 00:01 EST for a date-time shown in the zone. */
    public String display(ZoneId zone) {
        return date != null ? date.toString() : dateTime.atZoneSameInstant(zone).format(DISPLAY);
    }

    /** The passing instant as an ISO-8601 date-time with the zone's offset (for JSON). */
    public String endIso(ZoneId zone) {
        return end(zone).atZone(zone).toOffsetDateTime().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Moment m && Objects.equals(date, m.date) && Objects.equals(dateTime, m.dateTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, dateTime);
    }

    @Override
    public String toString() {
        return iso();
    }
}
