package dev.truce.yaml;

import dev.truce.domain.AckEntry;
import dev.truce.domain.Register;
import dev.truce.yaml.spec.AckSpec;
import java.time.ZoneId;
import java.util.List;

/**
 * Binds one entry of the acks file (acks.yaml) through {@link AckSpec}, and writes one as {@link SpecText} does, as
 * a flow mapping on one line: {@code - {obligation: ..., acked: ..., ..., by: "..."}}.
 *
 * <p>One line per entry is what lets git merge the file with {@code merge=union} (the repository's
 * .gitattributes): a union merge interleaves the lines two clones appended wherever they have lines in common,
 * and the block style of evidence.yaml shares many ({@code compliance: no-evidence}, {@code due: ...}), so two
 * acks of one obligation merged into one mapping with every key twice (AcksInGitTest shows it). An entry on a
 * line of its own is merged whole. It is also whole or nothing on a crash: every prefix of it leaves the
 * mapping's brace open, which the reader reports and never honours.
 */
public final class AckBinding extends EntryBinding<AckEntry> {
    /** The header of a file the tool creates. */
    public static final String HEADER = String.join("\n",
            "# acks.yaml: who on the desk acknowledged an obligation, silencing its alerts, and who lifted an ack.",
            "# A YAML list that `truce ack` and `truce ack lift` append to, one entry per line; keep it in git beside",
            "# obligations.yaml, so every clone, the cron host and the daemon honour the same acks (.gitattributes:",
            "# acks.yaml merge=union). An ack (obligation, acked, until, compliance, due, reason, by) holds while the",
            "# obligation keeps the compliance state and deadline it was given for, through `until` if given; a lift",
            "# (obligation, lifted, reason, by) ends the ack in force from that moment. Never edit past entries.",
            "");

    private final String truceId;
    private final ZoneId zone;

    /** {@code register}: what obligations.yaml declares; {@code obligationsName} names that file in messages. */
    public AckBinding(String label, Register register, String obligationsName) {
        super(label, register.ids(), obligationsName);
        this.truceId = register.truce().id();
        this.zone = register.truce().zone();
    }

    @Override
    public AckEntry bind(YamlNode item, String path, List<Problem> problems) {
        boolean known = knownObligation(item, path, problems);
        AckSpec spec = binder.reportingTo(problems).bind(AckSpec.class, item, path);
        return spec == null || !known ? null : spec.toDomain(truceId, zone);
    }

    @Override
    protected String obligationOf(AckEntry entry) {
        return entry.obligationId();
    }

    @Override
    public String text(AckEntry entry, String indent, String newline) {
        return indent + "- " + SpecText.flow(AckSpec.of(entry, zone)) + newline;
    }

    @Override
    public String header() {
        return HEADER;
    }
}
