package dev.truce.app;

import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Ack;
import dev.truce.domain.ComplianceRules;
import dev.truce.domain.DeadlineWatch;
import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The read-only use cases: status, show, check and validate, and the snapshot the desk outputs draw from. */
public final class StatusService {
    private final TruceFiles files;
    private final TruceFiles strict;
    private final Clock clock;
    private final Path state;

    public StatusService(TruceFiles files, Clock clock) {
        this(files, files, clock);
    }

    /** {@code files}: to show (addresses checked quickly); {@code strict}: to validate, as alerts will read the file. */
    public StatusService(TruceFiles files, TruceFiles strict, Clock clock) {
        this(files, strict, clock, null);
    }

    private StatusService(TruceFiles files, TruceFiles strict, Clock clock, Path state) {
        this.files = files;
        this.strict = strict;
        this.clock = clock;
        this.state = state;
    }

    /** The same, reading the alert runs' records (last success, refused addresses) from {@code state} instead of the file's folder. */
    public StatusService withState(Path state) {
        return new StatusService(files, strict, clock, state);
    }

    private Path stateOf(TruceFile file) {
        return state != null ? state : file.stateDirectory();
    }

    public TruceFile load(FileRef file) {
        return files.obligations(file);
    }

    /**
     * The files checked in full: obligations.yaml, then the evidence and the acks it points at (every problem of
     * both logs at once); and what they say that a desk would not mean, as warnings. The deadline in force is the
     * truce's as of the clock's now: an extension decided in the future (a typo?) is not in force yet.
     */
    public Validation validate(FileRef file) {
        TruceFile truceFile = strict.obligations(file);
        List<String> problems = new ArrayList<>();
        LogLocation location = null;
        EvidenceHealth evidence = null;
        try {
            location = strict.locate(truceFile);
            evidence = strict.evidenceStrict(truceFile, location);
        } catch (dev.truce.domain.TruceException e) {
            problems.addAll(e.lines());
        }
        AckLog acks = null;
        try {
            acks = strict.acksStrict(truceFile);
        } catch (dev.truce.domain.TruceException e) {
            problems.addAll(e.lines());
        }
        if (!problems.isEmpty()) {
            throw new dev.truce.domain.TruceException(dev.truce.domain.TruceException.Cause.BAD_INPUT, problems);
        }
        Instant now = clock.instant();
        var truce = truceFile.register().truce();
        return new Validation(truceFile, location.label(), evidence.read().entries(), location.exists(),
                truce.endChain().asOf(now, truce.zone()), FileWarnings.of(truceFile, evidence, now),
                acks.label(), acks.read().entries());
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
        Set<String> ids = new HashSet<>();
        kept.forEach(row -> ids.add(row.id()));
        Map<String, List<Evidence>> evidence = new HashMap<>();
        EvidenceHealth health = evidenceByObligation(truceFile, ids, evidence, Evidence::summary);
        return report(truceFile, kept, evidence, health, files.acks(truceFile), at, checked);
    }

    /**
     * The file, every obligation's status and every evidence entry in full (notes and urls too), for
     * the outputs that show them: the evidence file is read once and serves both.
     */
    public Snapshot snapshot(FileRef file, AsOf asOf) {
        TruceFile truceFile = load(file);
        Map<String, List<Evidence>> evidence = new HashMap<>();
        EvidenceHealth health = evidenceByObligation(truceFile, null, evidence, UnaryOperator.identity());
        Register register = truceFile.register();
        Instant at = asOf.resolve(clock, register.truce().zone());
        StatusReport report = report(truceFile, deadlineRows(register, at, StatusFilter.ALL), evidence, health,
                files.acks(truceFile), at, StatusFilter.ALL);
        return new Snapshot(truceFile, report, evidence);
    }

    /** What `truce check` reports: breached, unresolved and soon-due obligations against the two windows. */
    public Watch watch(FileRef file, AsOf asOf, int warningDays, int criticalDays, OptionalInt unresolvedForDays,
                       DeadlineWatch.Level ackedAs, DeadlineWatch.Level breachedAs) {
        TruceFile truceFile = load(file);
        StatusReport report = status(truceFile, asOf, StatusFilter.ALL);
        return new Watch(DeadlineWatch.of(report.rows(), warningDays, criticalDays, unresolvedForDays,
                report.acks().keySet(), ackedAs, breachedAs), report, AlertHeartbeat.read(stateOf(truceFile)),
                RefusedRecipients.read(stateOf(truceFile), truceFile.register().truce().id()).all());
    }

    /**
     * The deadline watch, the report it was made from (for the evidence file's health), what the record of the
     * last successful alert run here says, and the addresses the mail server refused for good (from the state
     * folder, as the alert runs left them: the ledger is not opened).
     */
    public record Watch(DeadlineWatch deadlines, StatusReport report, AlertHeartbeat.Reading lastAlertSuccess,
                        List<RefusedRecipients.Refusal> refused) {
        public Watch {
            refused = List.copyOf(refused);
        }
    }

    /** Every obligation's deadline status at {@code at}, kept when the filter's deadline conditions hold. */
    private static List<ObligationStatus> deadlineRows(Register register, Instant at, StatusFilter filter) {
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        return register.obligations().stream().map(o -> calculator.statusOf(o, at)).filter(filter::keepsDeadline).toList();
    }

    private StatusReport report(TruceFile truceFile, List<ObligationStatus> kept, Map<String, List<Evidence>> evidence,
                                EvidenceHealth health, AckLog acks, Instant at, StatusFilter filter) {
        Register register = truceFile.register();
        ComplianceRules rules = new ComplianceRules(register.truce(), register.staleAfterDays());
        List<ObligationStatus> rows = kept.stream()
                .map(s -> s.withCompliance(rules.assess(evidence.getOrDefault(s.id(), List.of()), at, s,
                        health.isBroken(s.id()))))
                .filter(filter::keepsCompliance)
                .sorted(StatusCalculator.SOONEST_FIRST)
                .toList();
        return new StatusReport(at, register.truce().zone(),
                new StatusCalculator(register.truce(), register.alerts()).truceStatus(at), rows,
                register.obligations().size(), register.staleAfterDays(), health,
                StatusReport.Review.of(truceFile.label(), register, at, register.truce().zone()),
                acks.acks().inForce(rows, at), withAckWarnings(FileWarnings.of(truceFile, health, clock.instant()), acks),
                (int) register.obligations().stream().filter(o -> o.owner() != null).count());
    }

    /** The acks file's problems join the files' warnings: said on stderr by every status, never stopping it. */
    private static List<String> withAckWarnings(List<String> warnings, AckLog acks) {
        if (acks.ok()) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(acks.warnings(true));
        return all;
    }

    /** The truce in full: its chain and outcome as of {@code asOf}, and the obligations that follow its end. */
    public TruceDetail showTruce(FileRef file, AsOf asOf) {
        Register register = load(file).register();
        Instant at = asOf.resolve(clock, register.truce().zone());
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        List<ObligationStatus> followers = register.obligations().stream()
                .filter(o -> o.due().type() == dev.truce.domain.Due.Type.TRUCE_END)
                .map(o -> calculator.statusOf(o, at)).toList();
        return new TruceDetail(calculator.truceStatus(at), at, followers);
    }

    /** Whether {@code id} names the truce rather than an obligation (`truce show us-cn-2025`). */
    public boolean isTruce(FileRef file, String id) {
        Register register = load(file).register();
        return register.truce().id().equals(id) && register.find(id).isEmpty();
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
        List<Obligation> replacedBy = obligation.outcome() == null ? List.of()
                : obligation.outcome().by().stream().map(d -> register.find(d).orElseThrow()).toList();
        List<Obligation> replaces = register.obligations().stream()
                .filter(o -> o.outcome() != null && o.outcome().by().contains(id)).toList();
        List<Evidence> evidence = new ArrayList<>();
        EvidenceHealth health = files.evidence(truceFile, Set.of(id), evidence::add);
        ComplianceRules rules = new ComplianceRules(register.truce(), register.staleAfterDays());
        ObligationStatus bare = calculator.statusOf(obligation, at);
        ObligationStatus status = bare.withCompliance(rules.assess(evidence, at, bare, health.isBroken(id)));
        Map<String, Ack> acks = files.acks(truceFile).acks().inForce(List.of(status), at);
        return new ObligationDetail(register.truce(), status, at, dependencies, dependents, replacedBy, replaces,
                evidence, register.staleAfterDays(), health, java.util.Optional.ofNullable(acks.get(id)));
    }

    /**
     * The evidence of the obligations in {@code only} (all when null), each obligation's in file order, every entry
     * passed through {@code keep} as it streams in. From the parse cache only those entries are decoded.
     */
    private EvidenceHealth evidenceByObligation(TruceFile truceFile, Set<String> only,
                                                Map<String, List<Evidence>> byObligation, UnaryOperator<Evidence> keep) {
        return files.evidence(truceFile, only,
                e -> byObligation.computeIfAbsent(e.obligation(), k -> new ArrayList<>()).add(keep.apply(e)));
    }
}
