package dev.truce.app;

import dev.truce.domain.ComplianceRules;
import dev.truce.domain.DeadlineWatch;
import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.yaml.EvidenceFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.TruceFile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/** The read-only use cases: status, show and validate, and the snapshot the desk outputs draw from. */
public final class StatusService {
    private final ObligationsFileReader reader;
    private final EvidenceFileReader evidenceReader;
    private final Clock clock;

    public StatusService(ObligationsFileReader reader, Clock clock) {
        this(reader, new EvidenceFileReader(), clock);
    }

    public StatusService(ObligationsFileReader reader, EvidenceFileReader evidenceReader, Clock clock) {
        this.reader = reader;
        this.evidenceReader = evidenceReader;
        this.clock = clock;
    }

    public TruceFile load(FileRef file) {
        return reader.read(file.path(), file.label());
    }

    /** Both files checked in full: obligations.yaml, then the evidence it points at. */
    public Validation validate(FileRef file) {
        TruceFile truceFile = load(file);
        EvidenceSource evidence = EvidenceSource.of(truceFile);
        int entries = evidenceReader.read(evidence.path(), evidence.binding(truceFile), e -> {
        });
        return new Validation(truceFile, evidence.label(), entries);
    }

    public StatusReport status(FileRef file, AsOf asOf, StatusFilter filter) {
        return status(load(file), asOf, filter);
    }

    /** Status of a file already read (the alert run reads it once for both its settings and its statuses). */
    public StatusReport status(TruceFile truceFile, AsOf asOf, StatusFilter filter) {
        StatusFilter checked = filter.forParties(truceFile.register().truce().parties());
        Register register = truceFile.register();
        Instant at = asOf.resolve(clock, register.truce().zone());
        List<ObligationStatus> kept = deadlineRows(register, at, checked);
        // Only the evidence of the rows kept is held: --within 30 on a large file keeps a few percent.
        java.util.Set<String> ids = new java.util.HashSet<>();
        kept.forEach(row -> ids.add(row.id()));
        Map<String, List<Evidence>> evidence = evidenceByObligation(truceFile,
                e -> ids.contains(e.obligation()) ? summary(e) : null);
        return report(register, kept, evidence, at, checked);
    }

    /**
     * The file, every obligation's status and every evidence entry in full (notes and urls too), for
     * the outputs that show them: the evidence file is read once and serves both.
     */
    public Snapshot snapshot(FileRef file, AsOf asOf) {
        TruceFile truceFile = load(file);
        Map<String, List<Evidence>> evidence = evidenceByObligation(truceFile, UnaryOperator.identity());
        return new Snapshot(truceFile, status(truceFile, evidence, asOf, StatusFilter.ALL), evidence);
    }

    /** What `truce check` reports: breached, expired and soon-due obligations against the two windows. */
    public DeadlineWatch watch(FileRef file, AsOf asOf, int warningDays, int criticalDays, OptionalInt expiredForDays) {
        return DeadlineWatch.of(status(file, asOf, StatusFilter.ALL).rows(), warningDays, criticalDays, expiredForDays);
    }

    private StatusReport status(TruceFile truceFile, Map<String, List<Evidence>> evidence, AsOf asOf,
                                StatusFilter filter) {
        Register register = truceFile.register();
        Instant at = asOf.resolve(clock, register.truce().zone());
        return report(register, deadlineRows(register, at, filter), evidence, at, filter);
    }

    /** Every obligation's deadline status at {@code at}, kept when the filter's deadline conditions hold. */
    private static List<ObligationStatus> deadlineRows(Register register, Instant at, StatusFilter filter) {
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        return register.obligations().stream().map(o -> calculator.statusOf(o, at)).filter(filter::keepsDeadline).toList();
    }

    private static StatusReport report(Register register, List<ObligationStatus> kept, Map<String, List<Evidence>> evidence,
                                       Instant at, StatusFilter filter) {
        ComplianceRules rules = new ComplianceRules(register.truce().zone(), register.staleAfterDays());
        List<ObligationStatus> rows = kept.stream()
                .map(s -> s.withCompliance(rules.assess(evidence.getOrDefault(s.id(), List.of()), at)))
                .filter(filter::keepsCompliance)
                .sorted(StatusCalculator.SOONEST_FIRST)
                .toList();
        return new StatusReport(at, register.truce().zone(),
                new StatusCalculator(register.truce(), register.alerts()).truceStatus(at), rows,
                register.obligations().size(), register.staleAfterDays());
    }

    /** One obligation in full, with its evidence, or a bad-input error with the closest id. */
    public ObligationDetail show(FileRef file, String id, AsOf asOf) {
        TruceFile truceFile = load(file);
        Register register = truceFile.register();
        Obligation obligation = register.require(id);
        Instant at = asOf.resolve(clock, register.truce().zone());
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        List<Obligation> dependents = register.obligations().stream()
                .filter(o -> o.dependsOn().contains(id)).toList();
        List<Obligation> dependencies = obligation.dependsOn().stream()
                .map(d -> register.find(d).orElseThrow()).toList();
        EvidenceSource source = EvidenceSource.of(truceFile);
        List<Evidence> evidence = new ArrayList<>();
        evidenceReader.read(source.path(), source.binding(truceFile), e -> {
            if (e.obligation().equals(id)) {
                evidence.add(e);
            }
        });
        ComplianceRules rules = new ComplianceRules(register.truce().zone(), register.staleAfterDays());
        ObligationStatus status = calculator.statusOf(obligation, at).withCompliance(rules.assess(evidence, at));
        return new ObligationDetail(register.truce(), status, at, dependencies, dependents, evidence,
                register.staleAfterDays());
    }

    /** Each obligation's evidence in file order, every entry passed through {@code keep} as it streams in. */
    private Map<String, List<Evidence>> evidenceByObligation(TruceFile truceFile, UnaryOperator<Evidence> keep) {
        EvidenceSource source = EvidenceSource.of(truceFile);
        Map<String, List<Evidence>> byObligation = new HashMap<>();
        evidenceReader.read(source.path(), source.binding(truceFile), e -> {
            Evidence kept = keep.apply(e);
            if (kept != null) {
                byObligation.computeIfAbsent(e.obligation(), k -> new ArrayList<>()).add(kept);
            }
        });
        return byObligation;
    }

    /**
     * An entry reduced to what the rules and the status line read (date, stance, claimant, basis,
     * source): notes and urls are dropped as entries stream in, so a status over a million entries
     * holds a fraction of their text.
     */
    private static Evidence summary(Evidence e) {
        return new Evidence(e.obligation(), e.date(), e.stance(), e.claimant(), e.basis(), e.source(),
                null, null, null, null);
    }
}
