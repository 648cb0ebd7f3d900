package dev.truce.yaml;

import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.Register;
import dev.truce.yaml.codec.BinaryCodec;
import dev.truce.yaml.spec.EvidenceSpec;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Binds one entry of evidence.yaml to an {@link Evidence} through {@link SpecBinder}, then checks what
 * needs obligations.yaml: that the obligation exists ({@link EntryBinding}), and that an amount goes to a
 * purchase with a target.
 */
public final class EvidenceBinding extends EntryBinding<Evidence> {
    private final Set<String> withTarget;
    /** One instance of each repeated value of this read (see {@link EvidenceSpec#toDomain(java.util.function.UnaryOperator)}). */
    private final SharedTexts shared = new SharedTexts(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** {@code register}: what obligations.yaml declares; {@code obligationsName} names that file in messages. */
    public EvidenceBinding(String label, Register register, String obligationsName) {
        super(label, register.ids(), obligationsName);
        this.withTarget = register.obligations().stream().filter(o -> o.target() != null).map(o -> o.id())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** {@code obligationIds}: the ids obligations.yaml declares (none with a target). */
    public EvidenceBinding(String label, java.util.Collection<String> obligationIds, String obligationsName) {
        super(label, obligationIds, obligationsName);
        this.withTarget = Set.of();
    }

    private EvidenceBinding(EvidenceBinding other) {
        super(other);
        this.withTarget = other.withTarget;
    }

    @Override
    protected EntryBinding<Evidence> forAnotherThread() {
        return new EvidenceBinding(this);
    }

    @Override
    protected String cacheKind() {
        return "evidence";
    }

    @Override
    protected BinaryCodec<Evidence> entryCodec() {
        return CacheFormsCodec.EVIDENCE;
    }

    @Override
    protected long fingerprint() {
        long targets = 0;
        for (String id : withTarget) {
            targets += id.hashCode() * 0xBF58476D1CE4E5B9L + 7;
        }
        return super.fingerprint() * 31 + targets;
    }

    @Override
    protected String obligationOf(Evidence entry) {
        return entry.obligation();
    }

    @Override
    protected Moment dateOf(Evidence entry) {
        return entry.date();
    }

    @Override
    public Evidence bind(YamlNode item, String path, List<Problem> problems) {
        boolean known = knownObligation(item, path, problems);
        EvidenceSpec spec = binder.reportingTo(problems).bind(EvidenceSpec.class, item, path);
        if (spec == null || !known) {
            return null;
        }
        if (spec.amount() != null && !withTarget.contains(spec.obligation())) {
            problems.add(new Problem(label(), Paths.position(item, "amount"), path + ".amount",
                    "only an obligation with a target takes an amount (" + spec.obligation() + " has no target in "
                    + obligationsName() + ")"));
            return null;
        }
        return spec.toDomain(shared::of);
    }

    /** {@code entry} must carry recorded (to the second) and recorded_by, which the tool always writes. */
    @Override
    public String text(Evidence entry, String indent, String newline) {
        Objects.requireNonNull(entry.recorded(), "recorded");
        Objects.requireNonNull(entry.recordedBy(), "recordedBy");
        if (!entry.recorded().truncatedTo(ChronoUnit.SECONDS).equals(entry.recorded())) {
            throw new IllegalArgumentException("recorded must be whole seconds, as written");
        }
        return EvidenceText.entry(entry, indent, newline);
    }

    @Override
    public String header() {
        return EvidenceText.HEADER;
    }
}
