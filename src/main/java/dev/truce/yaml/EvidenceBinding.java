package dev.truce.yaml;

import dev.truce.domain.Evidence;
import dev.truce.domain.InvalidValue;
import dev.truce.domain.Register;
import dev.truce.domain.Suggestions;
import dev.truce.yaml.spec.EvidenceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds one entry of evidence.yaml to an {@link Evidence} through {@link SpecBinder}, then checks what
 * needs obligations.yaml: that the obligation exists, and that an amount goes to a purchase with a target.
 * The reader and the appender's checks share it, so an entry the tool writes is one the reader accepts.
 */
public final class EvidenceBinding {
    private final String label;
    private final String obligationsName;
    private final Map<String, Boolean> hasTarget = new HashMap<>();
    private final SpecBinder binder;
    private final Map<String, String> shared = new HashMap<>();

    /** {@code register}: what obligations.yaml declares; {@code obligationsName} names that file in messages. */
    public EvidenceBinding(String label, Register register, String obligationsName) {
        this(label, register.obligations().stream().map(o -> Map.entry(o.id(), o.target() != null)).toList(),
                obligationsName);
    }

    /** {@code obligationIds}: the ids obligations.yaml declares (none with a target). */
    public EvidenceBinding(String label, java.util.Collection<String> obligationIds, String obligationsName) {
        this(label, obligationIds.stream().map(id -> Map.entry(id, false)).toList(), obligationsName);
    }

    private EvidenceBinding(String label, List<Map.Entry<String, Boolean>> ids, String obligationsName) {
        this.label = label;
        this.obligationsName = obligationsName;
        ids.forEach(e -> hasTarget.put(e.getKey(), e.getValue()));
        this.binder = new SpecBinder(label, new ArrayList<>());
    }

    public String label() {
        return label;
    }

    /** A digest of the obligations entries are checked against (ids, and which have a target), in any order. */
    long fingerprint() {
        long sum = 0;
        long xor = 0;
        for (Map.Entry<String, Boolean> e : hasTarget.entrySet()) {
            long h = e.getKey().hashCode() * 0x9E3779B97F4A7C15L + e.getKey().length() + (e.getValue() ? 7 : 0);
            h ^= h >>> 29;
            sum += h;
            xor ^= h * 0xBF58476D1CE4E5B9L;
        }
        return sum * 31 + xor + hasTarget.size();
    }

    /** One instance of each repeated value of this read (see {@link EvidenceSpec#toDomain(java.util.function.UnaryOperator)}). */
    private String shared(String value) {
        String known = shared.putIfAbsent(value, value);
        return known != null ? known : value;
    }

    /** The entry, or null when something is wrong with it (then {@code problems} says what). */
    public Evidence bind(YamlNode item, String path, List<Problem> problems) {
        boolean known = knownObligation(item, path, problems);
        EvidenceSpec spec = binder.reportingTo(problems).bind(EvidenceSpec.class, item, path);
        if (spec == null || !known) {
            return null;
        }
        boolean target = hasTarget.get(spec.obligation());
        if (spec.amount() != null && !target) {
            problems.add(new Problem(label, Paths.position(item, "amount"), path + ".amount",
                    "only an obligation with a target takes an amount (" + spec.obligation() + " has no target in "
                    + obligationsName + ")"));
            return null;
        }
        return spec.toDomain(this::shared);
    }

    /** The obligation named must be one obligations.yaml declares: checked even when the rest of the entry is wrong. */
    private boolean knownObligation(YamlNode item, String path, List<Problem> problems) {
        if (item instanceof YamlNode.Mapping m && m.values().get("obligation") instanceof YamlNode.Scalar s && !s.isNull()
                && s.text().matches(dev.truce.yaml.spec.ObligationsFileChecks.ID) && !hasTarget.containsKey(s.text())) {
            problems.add(new Problem(label, s.position(), path + ".obligation", s.text(), "is not an obligation in "
                    + obligationsName + Suggestions.didYouMean(s.text(), hasTarget.keySet())));
            return false;
        }
        return true;
    }

    /**
     * Which obligation a broken entry was about, if that can be told: its obligation id when it names one,
     * or the one it was probably meant to name. Empty when nothing says.
     */
    Optional<String> attribute(YamlNode item) {
        if (item instanceof YamlNode.Mapping m && m.values().get("obligation") instanceof YamlNode.Scalar s && !s.isNull()) {
            return attribute(s.text());
        }
        return Optional.empty();
    }

    Optional<String> attribute(String id) {
        if (hasTarget.containsKey(id)) {
            return Optional.of(id);
        }
        return Suggestions.closest(id, hasTarget.keySet());
    }

    /** The same check as the reader's, for a flag value (`truce evidence add ID`). */
    public void requireKnown(String id) {
        if (!hasTarget.containsKey(id)) {
            throw new InvalidValue("is not an obligation in " + obligationsName + Suggestions.didYouMean(id, hasTarget.keySet()));
        }
    }
}
