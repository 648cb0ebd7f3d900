package dev.truce.cli;

import dev.truce.output.listing.Warnings;

import dev.truce.app.AsOf;
import dev.truce.output.calendar.CalendarMemory;
import dev.truce.app.Snapshot;
import dev.truce.app.StatusService;
import dev.truce.output.calendar.CalendarSequences;
import dev.truce.output.calendar.DeadlineEvent;
import dev.truce.output.calendar.DeadlineEvents;
import dev.truce.output.calendar.IcsCalendar;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {
            "An iCalendar (.ics) file with one event per deadline, for Outlook or Google Calendar.",
            "Each event is timed at the deadline's instant in the truce's zone, or all-day for a date, with a "
                + "reminder for each alert threshold. Events keep their identity across runs and extensions, so "
                + "importing the file again moves them instead of adding copies.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  truce calendar -o truce.ics", "  truce -f other/obligations.yaml calendar > other.ics"})
final class CalendarCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        StatusService service = root.services().status();
        Snapshot snapshot = service.snapshot(root.file(), AsOf.NOW);
        Instant stamp = root.context().clock().instant();
        CalendarMemory memory = new CalendarMemory(snapshot.file().stateDirectory());
        List<DeadlineEvent> events = CalendarSequences.apply(DeadlineEvents.of(snapshot), memory.load());
        // the lambda captures no ical4j-facing type: picocli's reflection over this class must not load them
        output.write(spec, List.of(snapshot.file().path(), snapshot.file().evidenceFile(), snapshot.file().acksFile()),
                writer -> new IcsCalendar(snapshot.register().truce().zone(), stamp)
                        .write(snapshot.register().truce().title(), events, writer));
        try {
            memory.save(CalendarSequences.remember(events));
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("truce: warning: cannot keep the calendar's state in "
                    + snapshot.file().stateDirectory() + " (" + e.getCause().getMessage() + "): a deadline corrected by hand "
                    + "may not replace the event already in your calendar");
        }
        Warnings.print(spec.commandLine().getErr(), snapshot.report().evidence());
        return ExitCode.OK.code();
    }
}
