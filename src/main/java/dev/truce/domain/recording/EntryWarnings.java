package dev.truce.domain.recording;

import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The mistakes a trial of recording news found passing silently, as warnings: the file is valid, but it does not
 * say what was meant. "Today" is the clock's date in the truce's zone, never an --as-of replay: a decided day is
 * in the future or not by the calendar on the wall.
 */
public final class EntryWarnings {
    private final Register register;
    private final ZoneId zone;
    private final LocalDate today;
    private final Instant now;

    private EntryWarnings(Register register, Instant now) {
        this.register = register;
        this.zone = register.truce().zone();
        this.now = now;
        this.today = now.atZone(zone).toLocalDate();
    }

    /** Every warning of the file at {@code now}, the truce's first, then the obligations' in file order. */
    public static List<EntryWarning> of(Register register, Instant now) {
        return new EntryWarnings(register, now).all();
    }

    private List<EntryWarning> all() {
        List<EntryWarning> warnings = new ArrayList<>();
        Truce truce = register.truce();
        chain(null, truce.endChain(), warnings);
        outcome(null, truce.outcome(), warnings);
        leftBehind(warnings);
        for (Obligation o : register.obligations()) {
            if (o.due().type() == Due.Type.FIXED) {
                chain(o.id(), new DeadlineChain(o.due().fixed(), o.extensions()), warnings);
            }
            outcome(o.id(), o.outcome(), warnings);
        }
        return warnings;
    }

    private void chain(String owner, DeadlineChain chain, List<EntryWarning> warnings) {
        Moment previous = chain.original();
        List<Extension> extensions = chain.extensions();
        for (int i = 0; i < extensions.size(); i++) {
            Extension extension = extensions.get(i);
            String entry = "extensions[" + i + "]";
            if (extension.decided() != null && extension.decided().isAfter(today)) {
                warnings.add(new EntryWarning(owner, entry + ".decided", "decided " + extension.decided()
                        + " is after today (" + today + "): the " + (extension.reported() ? "report" : "extension")
                        + " is ignored until then (a typo in the date?)"));
            }
            if (extension.enacted()) {
                formShift(owner, entry, previous, extension.until(), warnings);
                previous = extension.until();
            }
        }
    }

    /**
     * A bare date after a date-time: "until 2027-11-10" lasts through the end of that day, nearly a day later
     * than 00:01 on it, which is what a chain of 00:01 instants meant.
     */
    private void formShift(String owner, String entry, Moment previous, Moment until, List<EntryWarning> warnings) {
        if (previous.isDateOnly() || !until.isDateOnly()) {
            return;
        }
        Moment sameForm = Moment.ofDateTime(until.dateIn(zone).atTime(previous.offsetDateTime()
                .atZoneSameInstant(zone).toLocalTime()).atZone(zone).toOffsetDateTime());
        Duration shift = Duration.between(sameForm.end(zone), until.end(zone));
        warnings.add(new EntryWarning(owner, entry + ".until", "until " + until.iso()
                + " is a bare date (through the end of that day, to " + Moment.ofDateTime(until.end(zone).atZone(zone)
                .toOffsetDateTime()).display(zone) + ") after the date-time "
                + previous.display(zone) + ": the deadline falls " + hours(shift) + " later than "
                + sameForm.display(zone) + "; write until: " + sameForm.iso() + " if the instrument keeps the time"));
    }

    private void outcome(String owner, Outcome outcome, List<EntryWarning> warnings) {
        if (outcome != null && outcome.decided() != null && outcome.decided().isAfter(today)) {
            warnings.add(new EntryWarning(owner, "outcome.decided", "decided " + outcome.decided()
                    + " is after today (" + today + "): the outcome is ignored until then (a typo in the date?)"));
        }
    }

    /**
     * After the truce's latest extension, the obligations on a clock of their own that stood at the truce's old
     * end and did not move with it: most often an extension of the whole arrangement meant them too.
     */
    private void leftBehind(List<EntryWarning> warnings) {
        List<Extension> enacted = register.truce().endChain().enactedKnownAt(now, zone);
        if (enacted.isEmpty()) {
            return;
        }
        Moment oldEnd = enacted.size() == 1 ? register.truce().originalEnd() : enacted.get(enacted.size() - 2).until();
        List<String> behind = DueAtSelection.at(register, oldEnd.end(zone), now).selected().stream()
                .map(Obligation::id).toList();
        if (!behind.isEmpty()) {
            int index = register.truce().extensions().indexOf(enacted.get(enacted.size() - 1));
            warnings.add(new EntryWarning(null, "extensions[" + index + "]", behind.size()
                    + (behind.size() == 1 ? " obligation" : " obligations") + " shared the old deadline of "
                    + oldEnd.display(zone) + " and " + (behind.size() == 1 ? "was" : "were") + " not extended: "
                    + String.join(", ", behind) + " (truce extend ID... --until ... if the extension covers them)"));
        }
    }

    /** "23 h 59 min", "24 h". */
    static String hours(Duration shift) {
        long minutes = shift.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
