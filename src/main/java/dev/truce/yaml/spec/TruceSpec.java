package dev.truce.yaml.spec;

import dev.truce.domain.Course;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Truce;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import dev.truce.yaml.Violations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

@Spec(doc = "The truce itself. It ends at effective + days (calendar days in timezone), then at the `until` of each "
        + "extension in turn.",
        expected = "a mapping with the truce's id, title, parties, effective, timezone and days")
public record TruceSpec(
        @Key(required = true, doc = "Lowercase letters, digits and single dashes, e.g. us-cn-2025.",
                pattern = ObligationsFileChecks.ID, expected = ObligationsFileChecks.ID_EXPECTED,
                maxLength = ObligationsFileChecks.MAX_TRUCE_ID_LENGTH) String id,
        @Key(required = true, doc = "The truce's name.", expected = "expected the truce's name") String title,
        @Key(required = true, doc = "At least two distinct parties, e.g. [US, CN]. `joint` is reserved for "
                + "obligations of both sides.", oneLine = true, expected = "expected the parties, e.g. [US, CN]",
                schema = "{\"minItems\": 2, \"uniqueItems\": true, \"not\": {\"contains\": {\"const\": \"joint\"}}}")
        List<String> parties,
        @Key(doc = "The day the truce was announced.") LocalDate announced,
        @Key(required = true, doc = "When the truce took effect.") Moment effective,
        @Key(required = true, doc = "The IANA zone days are counted in, e.g. America/New_York.") ZoneId timezone,
        @Key(required = true, doc = "How many calendar days the truce runs from effective.", min = 1,
                expected = "expected the number of days the truce runs, at least 1") Integer days,
        @Key(doc = "The chain of extensions of the truce, oldest first.") List<ExtensionSpec> extensions,
        @Key(doc = "The instruments.", expected = "expected a list of instruments") List<String> sources,
        @Key(doc = "Anything else.") String note,
        @Key(doc = "What happened when the truce ended, once known. Without one, its passed end is `unresolved`.")
        OutcomeSpec outcome) {

    public TruceSpec {
        Violations problems = new Violations();
        if (parties != null && !parties.isEmpty()) {
            if (parties.size() < 2) {
                problems.add("parties", "a truce needs at least two parties, found " + parties.size());
            } else if (new HashSet<>(parties).size() != parties.size()) {
                problems.add("parties", "lists a party twice");
            } else if (parties.contains(Obligation.JOINT)) {
                problems.add("parties", "'" + Obligation.JOINT + "' is reserved for obligations of both sides");
            }
        } else if (parties != null) {
            problems.add("parties", "a truce needs at least two parties, found 0");
        }
        if (outcome != null && outcome.result() == dev.truce.domain.OutcomeResult.REPLACED) {
            problems.add("outcome.result", "the truce itself is not replaced by obligations: record `ended` or "
                    + "`lapsed`, and put the new arrangement's deadlines on its obligations");
        }
        problems.throwIfAny();
    }

    public Truce toDomain() {
        return new Truce(id, title, parties, announced, effective, timezone, days,
                new Course(ExtensionSpec.chain(extensions), outcome == null ? null : outcome.toDomain()), sources, note);
    }
}
