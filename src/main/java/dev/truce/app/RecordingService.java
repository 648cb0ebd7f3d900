package dev.truce.app;

import dev.truce.config.TruceFile;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcome;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.TruceException;
import dev.truce.domain.TruceStatus;
import dev.truce.domain.recording.DueAtSelection;
import dev.truce.domain.recording.Recorder;
import dev.truce.domain.recording.Targets;
import dev.truce.yaml.EditedFile;
import dev.truce.yaml.ObligationsEditor;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.UnifiedDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records one news item in obligations.yaml for the truce and many obligations at once (`truce extend`, `truce
 * outcome`). The file is a person's: the new entries are inserted as text and every other byte is kept. Under the
 * file's lock it is read, the rules choose the targets and say how the register must read afterwards, the text is
 * edited, and the edited text is read back: unless it is valid and reads exactly as intended, nothing is written.
 * The write itself is a synced copy-and-rename that refuses if the file changed meanwhile.
 */
public final class RecordingService {
    /** Hears about the lock (the CLI says it waits) and the moment before the rename (tests kill the process there). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void waiting(Path lockFile) {
        }

        default void beforeRename() {
        }
    }

    private final TruceFiles files;
    private final Clock clock;

    public RecordingService(TruceFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    public Recorded record(FileRef file, NewsItem news, Listener listener) {
        try (EditedFile edited = EditedFile.lock(file.path(), file.label(), new EditedFile.Listener() {
            @Override
            public void waiting(Path lockFile) {
                listener.waiting(lockFile);
            }

            @Override
            public void beforeRename(Path temp) {
                listener.beforeRename();
            }
        })) {
            byte[] before = edited.bytes();
            TruceFile truceFile = files.obligations(before, file, file.label());
            Register register = truceFile.register();
            ZoneId zone = register.truce().zone();
            Instant now = clock.instant();
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate decided = news.decided() != null ? news.decided() : today;
            if (decided.isAfter(today)) {
                throw TruceException.badInput("--decided " + decided + ": after today (" + today + " in " + zone.getId()
                        + "); record news once it has happened");
            }
            Recorder recorder = new Recorder(register, now);
            Recorder.Item item = news instanceof NewsItem.Extended ? Recorder.Item.EXTENSION : Recorder.Item.OUTCOME;
            NewsItem.Selectors selectors = news.selectors();
            Targets targets = recorder.choose(item, selectors.ids(), selectors.truce(),
                    Optional.ofNullable(selectors.dueAt()).map(m -> m.start(zone)));
            String text = new String(before, StandardCharsets.UTF_8);
            ObligationsEditor editor = ObligationsEditor.of(text, file.label());
            Register expected;
            if (news instanceof NewsItem.Extended extended) {
                Extension extension = new Extension(decided, extended.until(), extended.source(), extended.note(),
                        extended.reported());
                expected = recorder.extend(targets, extension);
                if (targets.truce()) {
                    editor.addExtension(null, extension);
                }
                targets.obligations().forEach(o -> editor.addExtension(o.id(), extension));
            } else {
                NewsItem.Settled settled = (NewsItem.Settled) news;
                Outcome outcome = new Outcome(settled.result(), decided, settled.effective(), settled.by(),
                        settled.duty(), settled.source(), settled.note());
                expected = recorder.settle(targets, outcome);
                if (targets.truce()) {
                    editor.addOutcome(null, outcome);
                }
                targets.obligations().forEach(o -> editor.addOutcome(o.id(), outcome));
            }
            String after = editor.text();
            byte[] afterBytes = after.getBytes(StandardCharsets.UTF_8);
            TruceFile reread = readBack(afterBytes, file, expected);
            if (!news.dryRun()) {
                edited.replace(afterBytes);
            }
            List<String> before0 = FileWarnings.of(truceFile, now);
            List<String> warnings = new ArrayList<>(FileWarnings.of(reread, now));
            Set<String> old = new HashSet<>(before0.stream().map(RecordingService::withoutPlace).toList());
            warnings.removeIf(w -> old.contains(withoutPlace(w)));
            return new Recorded(file.label(), !news.dryRun(), UnifiedDiff.of(file.label(), text, after), decided,
                    news.decided() == null, changes(register, expected, targets, now, news),
                    notSelected(targets, zone), warnings);
        }
    }

    /** The edited text must be a valid file that reads as the rules said, or nothing is written. */
    private TruceFile readBack(byte[] content, FileRef file, Register expected) {
        TruceFile reread = files.edited(content, file);
        if (!reread.register().equals(expected)) {
            throw TruceException.badInput(file.label() + ": the edited file would not read as intended (an entry in a "
                    + "form truce cannot insert into safely?); nothing was written: add the entry by hand");
        }
        return reread;
    }

    /** A warning without its file:line: the same warning after an insertion moved it down. */
    private static String withoutPlace(String warning) {
        return warning.replaceFirst("^[^:]*:\\d+(:\\d+)?: ", "");
    }

    private static List<Recorded.Change> changes(Register before, Register after, Targets targets, Instant now,
                                                 NewsItem news) {
        StatusCalculator was = new StatusCalculator(before.truce(), before.alerts());
        StatusCalculator is = new StatusCalculator(after.truce(), after.alerts());
        ZoneId zone = before.truce().zone();
        List<Recorded.Change> changes = new ArrayList<>();
        if (targets.truce()) {
            TruceStatus from = was.truceStatus(now);
            TruceStatus to = is.truceStatus(now);
            String who = before.truce().id() + " (the truce)";
            changes.add(new Recorded.Change(who, change(from.end(), to.end(), to.reportedEnd(), from.timeline(),
                    to.timeline(), zone, news)));
            if (news instanceof NewsItem.Extended) {
                List<String> followers = before.obligations().stream()
                        .filter(o -> o.due().type() == dev.truce.domain.Due.Type.TRUCE_END)
                        .filter(o -> !was.statusOf(o, now).timeline().isSettled()).map(Obligation::id).toList();
                if (!followers.isEmpty()) {
                    boolean reported = ((NewsItem.Extended) news).reported();
                    changes.add(new Recorded.Change(reported ? "  reported for them too" : "  moved with it",
                            String.join(", ", followers) + " (due: truce-end)"));
                }
            }
        }
        for (Obligation o : targets.obligations()) {
            ObligationStatus from = was.statusOf(o, now);
            ObligationStatus to = is.statusOf(after.require(o.id()), now);
            changes.add(new Recorded.Change(o.id(), change(from.deadline().orElse(null), to.deadline().orElse(null),
                    to.reportedDue(), from.timeline().label(), to.timeline().label(), zone, news)));
        }
        return changes;
    }

    private static String change(Moment from, Moment to, Optional<Moment> reported, String timelineBefore,
                                 String timelineAfter, ZoneId zone, NewsItem news) {
        if (news instanceof NewsItem.Extended extended && extended.reported()) {
            return "reported to " + extended.until().display(zone) + " (not enacted: the deadline stays "
                    + (from == null ? "none" : from.display(zone)) + ")";
        }
        if (news instanceof NewsItem.Extended) {
            return (from == null ? "none" : from.display(zone)) + " → " + (to == null ? "none" : to.display(zone));
        }
        return timelineBefore + " → " + timelineAfter;
    }

    private static List<String> notSelected(Targets targets, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        targets.byDeadline().ifPresent(selection -> {
            for (DueAtSelection.NearMiss miss : selection.nearMisses()) {
                lines.add(miss.obligation().id() + ": due " + miss.deadline().display(zone)
                        + (miss.deadline().isDateOnly() ? " (through the day: "
                        + Moment.ofDateTime(miss.deadline().end(zone).atZone(zone).toOffsetDateTime()).display(zone) + ")"
                        : sameInstantIn(miss.deadline(), zone)));
            }
            if (!targets.truce()) {
                for (Obligation o : selection.followTheTruce()) {
                    lines.add(o.id() + ": due truce-end (it moves with the truce: add --truce)");
                }
            }
        });
        return lines;
    }

    /** "(= 22:59 EST)" when the instrument's stated offset differs from the zone's at that moment. */
    private static String sameInstantIn(Moment deadline, ZoneId zone) {
        String shown = deadline.display(zone);
        String stated = deadline.offsetDateTime().toString();
        return stated.equals(deadline.offsetDateTime().atZoneSameInstant(zone).toOffsetDateTime().toString()) ? ""
                : " (stated as " + stated + ", = " + shown + ")";
    }
}
