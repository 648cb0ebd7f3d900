package dev.truce.app;

import dev.truce.domain.Evidence;
import dev.truce.domain.EvidenceChecks;
import dev.truce.domain.Moment;
import dev.truce.domain.TruceException;
import dev.truce.yaml.EvidenceAppender;
import dev.truce.yaml.EvidenceFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.TruceFile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The evidence use cases: record an entry, list entries. */
public final class EvidenceService {
    private final ObligationsFileReader reader;
    private final EvidenceFileReader evidenceReader;
    private final Clock clock;

    public EvidenceService(ObligationsFileReader reader, EvidenceFileReader evidenceReader, Clock clock) {
        this.reader = reader;
        this.evidenceReader = evidenceReader;
        this.clock = clock;
    }

    /**
     * Appends the entry to the evidence file after checking it against obligations.yaml (only that
     * file is read in full: the evidence file's end is checked by the appender).
     */
    public EvidenceAdded add(FileRef file, EvidenceDraft draft, EvidenceAppender.Listener listener) {
        TruceFile truceFile = reader.read(file.path(), file.label());
        requireKnown(truceFile, draft.obligation());
        ZoneId zone = truceFile.register().truce().zone();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Moment date = draft.date() != null ? draft.date() : Moment.ofDate(LocalDate.ofInstant(now, zone));
        if (date.start(zone).isAfter(now)) {
            throw TruceException.badInput("date " + date.iso() + " is in the future (it is now "
                    + now.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES) + " in " + zone.getId()
                    + "); evidence records what has happened");
        }
        Evidence evidence = new Evidence(draft.obligation(), date, draft.stance(), draft.claimant(), draft.basis(),
                draft.source(), draft.url(), draft.note(), now, draft.recordedBy());
        EvidenceSource source = EvidenceSource.of(truceFile);
        EvidenceAppender.Appended appended = new EvidenceAppender(evidenceReader)
                .append(source.path(), source.binding(truceFile), evidence, listener);
        return new EvidenceAdded(evidence, source.label(), appended.text(), appended.created());
    }

    /** The entries the query keeps, newest first; entries of one date keep the later line first. */
    public EvidenceListing list(FileRef file, EvidenceQuery query) {
        TruceFile truceFile = reader.read(file.path(), file.label());
        if (query.obligation() != null) {
            requireKnown(truceFile, query.obligation());
        }
        ZoneId zone = truceFile.register().truce().zone();
        Instant at = query.asOf().resolve(clock, zone);
        Instant since = query.since() == null ? Instant.MIN : query.since().start(zone);
        EvidenceSource source = EvidenceSource.of(truceFile);
        List<Evidence> kept = new ArrayList<>();
        int total = evidenceReader.read(source.path(), source.binding(truceFile), e -> {
            Instant happened = e.happened(zone);
            if (!happened.isAfter(at) && !happened.isBefore(since)
                    && (query.obligation() == null || query.obligation().equals(e.obligation()))
                    && (query.stance() == null || query.stance() == e.stance())) {
                kept.add(e);
            }
        });
        Collections.reverse(kept); // so the stable sort below puts the later line of a date first
        kept.sort(Comparator.comparing((Evidence e) -> e.happened(zone)).reversed());
        return new EvidenceListing(at, zone, source.label(), kept, total);
    }

    private static void requireKnown(TruceFile truceFile, String id) {
        EvidenceChecks.knownObligation(id, truceFile.register().ids(), truceFile.label(), message -> {
            throw TruceException.badInput(message + " (truce status lists them)");
        });
    }
}
