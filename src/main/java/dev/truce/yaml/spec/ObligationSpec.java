package dev.truce.yaml.spec;

import dev.truce.domain.Course;
import dev.truce.domain.Due;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Owner;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import dev.truce.yaml.Violations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One obligation as written. The rules that need the truce (its parties, its zone, its other obligations)
 * are checked for the whole file by {@link ObligationsFileChecks}.
 */
@Spec(doc = "One thing one side must do, or keep doing, until a deadline.",
        expected = "a mapping with id, title, party and kind",
        schema = "{\"if\": {\"required\": [\"due\"], \"properties\": {\"due\": {\"type\": \"string\", \"pattern\": \"^[0-9]\"}}},"
                + " \"else\": {\"properties\": {\"extensions\": {\"type\": [\"array\", \"null\"], \"maxItems\": 0}}}}")
public record ObligationSpec(
        @Key(required = true, doc = "Unique; never rename one that evidence.yaml already cites.",
                pattern = ObligationsFileChecks.ID, expected = ObligationsFileChecks.ID_EXPECTED,
                maxLength = ObligationsFileChecks.MAX_ID_LENGTH) String id,
        @Key(required = true, doc = "What must be done, in one line.",
                expected = "expected what must be done, in one line") String title,
        @Key(required = true, doc = "The party that must act: one of truce.parties, or `joint` for both sides.",
                expected = "expected the party that must act", schema = "{\"examples\": [\"US\", \"CN\", \"joint\"]}")
        String party,
        @Key(required = true, doc = "What sort of commitment it is; `measure` for a dated measure that is not a "
                + "commitment but that the desk watches.") Kind kind,
        @Key(doc = "When the obligation starts. Default: truce.effective.") Moment effective,
        @Key(doc = "truce-end (the default) follows every extension of the truce; none means no deadline (permanent "
                + "or open-ended); or a date / date-time of its own, which may then have its own extensions.",
                defaultValue = "truce-end") Due due,
        @Key(doc = "Only for an obligation with a due date of its own: the chain of extensions, oldest first.")
        List<ExtensionSpec> extensions,
        @Key(doc = "Who on the desk answers for it: a name, an email address, or Name <address>; only the address "
                + "is mailed.") Owner owner,
        @Key(doc = "Who else hears of it (email addresses), beside alerts.recipients.", email = true,
                maxLength = dev.truce.config.Emails.MAX_LENGTH, expected = "expected a list of email addresses")
        List<String> recipients,
        @Key(doc = "HTS codes, in quotes: [\"9903.01.63\"] (YAML reads 8505.10 as a number and drops the zero).",
                expected = "expected a list of HTS codes in quotes, e.g. [\"9903.01.63\"]") List<String> hts,
        @Key(doc = "The instruments.", expected = "expected a list of instruments") List<String> sources,
        @Key(name = "depends_on", doc = "Ids of other obligations this one hangs on or splits from.",
                pattern = ObligationsFileChecks.ID, expected = "expected a list of obligation ids")
        List<String> dependsOn,
        @Key(doc = "Anything else. Start facts without a primary text with \"unconfirmed:\".") String note,
        @Key(doc = "What happened, once known: see the outcome keys. Without one, a passed deadline is `unresolved`.")
        OutcomeSpec outcome,
        @Key(doc = "For a purchase: the quantity it must reach, e.g. {amount: 12, unit: MMT}.") TargetSpec target,
        @Key(doc = "The products it affects: [all], or HTS/HS prefixes in quotes such as [\"8505.11\", \"2846.90\"] "
                + "(a prefix covers every longer code under it; dots do not matter).",
                pattern = ObligationsFileChecks.COVERS, expected = ObligationsFileChecks.COVERS_EXPECTED)
        List<String> covers,
        @Key(doc = "The additional duty it holds down on what it covers, e.g. {market: US, kept: 10, lapsed: 34}. "
                + "Covers without a duty (an export control) is a supply risk.") DutySpec duty) {

    public ObligationSpec {
        Violations problems = new Violations();
        if (target != null && kind != null && kind != Kind.PURCHASE) {
            problems.add("target", "only a purchase has a target (kind is " + kind.label() + ")");
        }
        if (duty != null && covers == null) {
            problems.add("duty", "a duty needs covers: which products it applies to ([all] or HTS prefixes)");
        }
        if (outcome != null && outcome.effective() == null && due == Due.NONE) {
            problems.add("outcome.effective", "missing: an obligation with no deadline (due: none) needs the "
                    + "outcome's effective moment");
        }
        if (outcome != null && outcome.result() == OutcomeResult.REPLACED && id != null && outcome.by() != null && outcome.by().contains(id)) {
            problems.add("outcome.by", "an obligation cannot be replaced by itself");
        }
        problems.throwIfAny();
    }

    public Obligation toDomain() {
        List<String> dependencies = dependsOn == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(dependsOn));
        return new Obligation(id, title, party, kind, effective, due == null ? Due.TRUCE_END : due,
                new Course(ExtensionSpec.chain(extensions), outcome == null ? null : outcome.toDomain()), owner,
                recipients, hts, sources, dependencies, note, target == null ? null : target.toDomain(), covers,
                duty == null ? null : duty.toDomain());
    }
}
