package dev.truce.app;

import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.TruceFile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The read-only use cases: status, show and validate. */
public final class StatusService {
    private final ObligationsFileReader reader;
    private final Clock clock;

    public StatusService(ObligationsFileReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    public TruceFile load(FileRef file) {
        return reader.read(file.path(), file.label());
    }

    public StatusReport status(FileRef file, AsOf asOf, StatusFilter filter) {
        TruceFile truceFile = load(file);
        Register register = truceFile.register();
        Instant at = asOf.resolve(clock, register.truce().zone());
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        List<ObligationStatus> rows = calculator.statusesOf(register.obligations(), at).stream()
                .filter(filter).toList();
        return new StatusReport(at, register.truce().zone(), calculator.truceStatus(at), rows,
                register.obligations().size());
    }

    /** One obligation in full, or a bad-input error with the closest id. */
    public ObligationDetail show(FileRef file, String id, AsOf asOf) {
        TruceFile truceFile = load(file);
        Register register = truceFile.register();
        Obligation obligation = register.find(id).orElseThrow(() -> TruceException.badInput(
                "no obligation '" + id + "'" + Suggestions.didYouMean(id, register.ids())
                + " (truce status lists them)"));
        Instant at = asOf.resolve(clock, register.truce().zone());
        StatusCalculator calculator = new StatusCalculator(register.truce(), register.alerts());
        List<Obligation> dependents = register.obligations().stream()
                .filter(o -> o.dependsOn().contains(id)).toList();
        List<Obligation> dependencies = obligation.dependsOn().stream()
                .map(d -> register.find(d).orElseThrow()).toList();
        return new ObligationDetail(register.truce(), calculator.statusOf(obligation, at), at, dependencies, dependents);
    }
}
