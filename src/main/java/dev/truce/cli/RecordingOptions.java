package dev.truce.cli;

import dev.truce.app.NewsItem;
import dev.truce.app.Recorded;
import dev.truce.app.RecordingService;
import dev.truce.domain.Moment;
import dev.truce.domain.TruceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * What `truce extend` and `truce outcome` share: who the news is recorded for (ids, --truce, --due-at), the
 * source and note, --dry-run, and how the result is printed: the diff, then what changed in words.
 */
final class RecordingOptions {
    /** Test-only: set, the command stops for good just before it renames the new file into place. */
    static final String PAUSE_BEFORE_RENAME = "TRUCE_TEST_PAUSE_BEFORE_RENAME";

    @Parameters(paramLabel = "ID", arity = "0..*", completionCandidates = ObligationIdCandidates.class,
            description = "Obligations to record it for (truce status lists them).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--truce", description = "Record it for the truce itself.")
    boolean truce;

    @Option(names = "--due-at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Also every obligation whose enacted deadline is this instant (a date-time with offset, "
                    + "e.g. 2026-11-10T00:01-05:00) and whose outcome is not in effect. Those due within 24 hours of it "
                    + "are listed as not selected.")
    Moment dueAt;

    @Option(names = "--decided", paramLabel = "DATE", converter = DateConverter.class,
            description = "The day it was decided or announced (default: today in the truce's zone).")
    LocalDate decided;

    @Option(names = "--source", required = true, paramLabel = "TEXT", converter = EvidenceConverters.TextConverter.class,
            description = "The instrument, ruling or report that says so.")
    String source;

    @Option(names = "--note", paramLabel = "TEXT", converter = EvidenceConverters.TextConverter.class,
            description = "Anything else; start facts without a primary text with \"unconfirmed:\".")
    String note;

    @Option(names = "--dry-run", description = "Print the change as a unified diff; write nothing.")
    boolean dryRun;

    NewsItem.Selectors selectors() {
        return new NewsItem.Selectors(ids, truce, dueAt);
    }

    RecordingService.Listener listener(TruceCommand root, PrintWriter err) {
        boolean pause = root.context().env(PAUSE_BEFORE_RENAME).isPresent();
        return new RecordingService.Listener() {
            @Override
            public void waiting(Path lockFile) {
                err.println("truce: waiting for another truce command writing the file to finish (lock " + lockFile + ")");
                err.flush();
            }

            @Override
            public void beforeRename() {
                if (pause) {
                    err.println("truce: " + PAUSE_BEFORE_RENAME + ": holding before the rename until killed");
                    err.flush();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw TruceException.failure("interrupted while paused by " + PAUSE_BEFORE_RENAME, e);
                    }
                }
            }
        };
    }

    static void print(PrintWriter out, PrintWriter err, Recorded recorded) {
        out.print(recorded.diff());
        if (!recorded.diff().isEmpty() && !recorded.diff().endsWith("\n")) {
            out.println();
        }
        out.println((recorded.written() ? "Recorded in " : "Dry run, nothing written to ") + recorded.fileLabel()
                + ", decided " + recorded.decided() + (recorded.decidedByDefault() ? " (default: today)" : "") + ":");
        for (Recorded.Change change : recorded.changes()) {
            out.println("  " + Texts.oneLine(change.toString()));
        }
        if (!recorded.notSelected().isEmpty()) {
            out.println("Not selected (due within 24 hours of --due-at, or following the truce):");
            recorded.notSelected().forEach(line -> out.println("  " + Texts.oneLine(line)));
        }
        out.flush();
        recorded.warnings().forEach(w -> err.println("truce: warning: " + Texts.oneLine(w)));
        err.flush();
    }

    /** An instant: a date-time with its offset, as the file writes one. */
    static final class InstantConverter implements ITypeConverter<Moment> {
        @Override
        public Moment convert(String value) {
            Moment moment = new AsOfOption.MomentConverter().convert(value);
            if (moment.isDateOnly()) {
                throw new TypeConversionException("'" + value + "' is a date; give the deadline's instant with its "
                        + "offset, e.g. 2026-11-10T00:01-05:00 (truce status --format json shows each one as due)");
            }
            return moment;
        }
    }

    /** A day, YYYY-MM-DD. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            Moment moment = new AsOfOption.MomentConverter().convert(value);
            if (!moment.isDateOnly()) {
                throw new TypeConversionException("'" + value + "' is a date-time; give the day, YYYY-MM-DD");
            }
            return moment.dateIn(java.time.ZoneOffset.UTC);
        }
    }
}
