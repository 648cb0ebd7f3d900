package dev.truce.output.calendar;

import dev.truce.domain.Moment;
import dev.truce.domain.Phrases;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes deadline events as an RFC 5545 iCalendar file with ical4j. A bare-date deadline is an
 * all-day event on its last day; a date-time deadline is timed at its instant, shown in the
 * truce's zone with that zone's VTIMEZONE (from the definitions bundled with ical4j, never fetched).
 */
public final class IcsCalendar {
    private final ZoneId zone;
    private final Instant stamp;

    /** {@code stamp}: when the calendar is written (DTSTAMP). */
    public IcsCalendar(ZoneId zone, Instant stamp) {
        this.zone = zone;
        this.stamp = stamp;
    }

    public void write(String name, List<DeadlineEvent> events, Writer out) {
        TimeZone timeZone = registry().getTimeZone(zone.getId());
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//truce//truce deadlines//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", Phrases.singleLine(name)));
        if (timeZone != null) {
            calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
            calendar.add(timeZone.getVTimeZone());
        }
        for (DeadlineEvent event : events) {
            calendar.add(event(event, timeZone != null));
        }
        try {
            StringWriter text = new StringWriter();
            new CalendarOutputter(true).output(calendar, text);
            out.write(IcsLines.refold(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private VEvent event(DeadlineEvent event, boolean zoned) {
        VEvent vevent = new VEvent(false);
        Moment deadline = event.deadline();
        if (deadline.isDateOnly()) {
            vevent.add(new DtStart<>(deadline.dateIn(zone)));
            vevent.add(new DtEnd<>(deadline.dateIn(zone).plusDays(1)));
        } else if (zoned && !onTransitionDay(deadline.end(zone))) {
            vevent.add(new DtStart<>(ZonedDateTime.ofInstant(deadline.end(zone), zone)));
        } else {
            // UTC is exact everywhere: for a zone ical4j has no definition of, and on a day the clocks
            // change, where a wall-clock time may happen twice (RFC 5545 then means the first) and
            // where parsers that apply VTIMEZONE rules by day have been seen to pick the wrong offset
            vevent.add(new DtStart<>(deadline.end(zone)));
        }
        vevent.add(new Uid(event.uid()));
        vevent.add(new DtStamp(stamp));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new Summary(event.summary()));
        vevent.add(new Description(event.description()));
        vevent.add(new Categories(new TextList(event.categories())));
        vevent.add(ImmutableTransp.TRANSPARENT); // a deadline does not make anyone busy
        if (event.status() == DeadlineEvent.Status.TENTATIVE) {
            vevent.add(ImmutableStatus.VEVENT_TENTATIVE);
        } else if (event.status() == DeadlineEvent.Status.CANCELLED) {
            vevent.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        for (int days : event.alarmDaysBefore()) {
            VAlarm alarm = new VAlarm(Period.ofDays(-days));
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(days == 0 ? event.summary() + " (today)"
                    : event.summary() + " (in " + days + (days == 1 ? " day)" : " days)")));
            vevent.add(alarm);
        }
        return vevent;
    }

    private boolean onTransitionDay(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        ZoneOffsetTransition next = zone.getRules().nextTransition(local.toLocalDate().atStartOfDay(zone).toInstant());
        return next != null && next.getInstant().isBefore(local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** ical4j's registry of bundled zone definitions; built once, it is not cheap. */
    private static TimeZoneRegistry registry() {
        return RegistryHolder.REGISTRY;
    }

    private static final class RegistryHolder {
        static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
    }
}
