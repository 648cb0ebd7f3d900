package dev.truce.app;

import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import dev.truce.yaml.EntryAppender;
import dev.truce.yaml.EvidenceBinding;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The evidence use cases: record an entry, list entries. */
public final class EvidenceService {
    private final TruceFiles files;
    private final Clock clock;

    public EvidenceService(TruceFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /**
     * Appends the entry to the evidence file after checking it against obligations.yaml, the id first. The
     * file's end is checked by the appender; the same claim already in the file (same obligation, date,
     * claimant and source) is refused unless {@code force}.
     */
    public EvidenceAdded add(FileRef file, EvidenceDraft draft, AppendListener listener) {
        TruceFile truceFile = files.obligations(file);
        requireKnown(truceFile, draft.obligation());
        if (draft.recordedBy() == null || draft.recordedBy().isBlank()) {
            throw TruceException.badInput("--by: not given, and neither $LOGNAME nor the account's user name is known; "
                    + "say who records this with --by NAME");
        }
        LogLocation location = files.locate(truceFile);
        EvidenceBinding binding = files.binding(truceFile, location);
        ZoneId zone = truceFile.register().truce().zone();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Moment date = draft.date() != null ? draft.date() : Moment.ofDate(LocalDate.ofInstant(now, zone));
        if (date.start(zone).isAfter(now)) {
            throw TruceException.badInput("--date: " + date.iso() + " is in the future (it is now "
                    + now.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES) + " in " + zone.getId()
                    + "); evidence records what has happened");
        }
        if (draft.amount() != null && truceFile.register().require(draft.obligation()).target() == null) {
            throw TruceException.badInput("--amount: " + draft.obligation() + " has no target in " + truceFile.label()
                    + " (only a purchase with a target takes an amount)");
        }
        Evidence evidence = new Evidence(draft.obligation(), date, draft.stance(), draft.claimant(), draft.basis(),
                draft.source(), draft.url(), draft.note(), now, draft.recordedBy(), draft.amount());
        if (!draft.force()) {
            refuseDuplicate(truceFile, evidence, zone, location);
        }
        EntryAppender.Appended appended = new EntryAppender(files.logReader())
                .append(location.path(), binding, evidence, AppendListener.forAppender(listener));
        return new EvidenceAdded(evidence, location.label(), appended.text(), appended.created(), draft.date() == null);
    }

    /** The same claim twice is a mistake more often than news: say where the first one is. */
    private void refuseDuplicate(TruceFile truceFile, Evidence entry, ZoneId zone, LogLocation location) {
        if (!location.exists()) {
            return;
        }
        List<Evidence> same = new ArrayList<>();
        files.evidence(truceFile, java.util.Set.of(entry.obligation()), e -> {
            if (e.obligation().equals(entry.obligation()) && e.date().dateIn(zone).equals(entry.date().dateIn(zone))
                    && e.claimant().equalsIgnoreCase(entry.claimant())
                    && e.source().strip().toLowerCase(Locale.ROOT).equals(entry.source().strip().toLowerCase(Locale.ROOT))) {
                same.add(e);
            }
        });
        if (!same.isEmpty()) {
            Evidence first = same.get(0);
            throw TruceException.badInput(location.label() + " already has this claim: " + first.obligation() + ", "
                    + first.date().iso() + ", " + first.claimant() + ", " + first.source()
                    + (first.recorded() == null ? "" : " (recorded " + first.recorded() + ")")
                    + "; nothing was written (add --force to record it again)");
        }
    }

    /** The entries the query keeps, newest first; entries of one date keep the later line first. */
    public EvidenceListing list(FileRef file, EvidenceQuery query) {
        TruceFile truceFile = files.obligations(file);
        if (query.obligation() != null) {
            requireKnown(truceFile, query.obligation());
        }
        ZoneId zone = truceFile.register().truce().zone();
        Instant at = query.asOf().resolve(clock, zone);
        Instant since = query.since() == null ? Instant.MIN : query.since().start(zone);
        List<Evidence> kept = new ArrayList<>();
        int[] total = {0};
        EvidenceHealth health = files.evidence(truceFile, e -> {
            total[0]++;
            Instant happened = e.happened(zone);
            if (!happened.isAfter(at) && !happened.isBefore(since)
                    && (query.obligation() == null || query.obligation().equals(e.obligation()))
                    && (query.stance() == null || query.stance() == e.stance())) {
                kept.add(e);
            }
        });
        Collections.reverse(kept); // so the stable sort below puts the later line of a date first
        kept.sort(Comparator.comparing((Evidence e) -> e.happened(zone)).reversed());
        return new EvidenceListing(at, zone, health.label(), kept, total[0], health);
    }

    private static void requireKnown(TruceFile truceFile, String id) {
        List<String> ids = truceFile.register().ids();
        if (!ids.contains(id)) {
            throw TruceException.badInput("no obligation '" + id + "' in " + truceFile.label()
                    + Suggestions.didYouMean(id, ids) + " (truce status lists them)");
        }
    }
}
