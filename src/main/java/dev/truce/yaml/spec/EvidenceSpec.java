package dev.truce.yaml.spec;

import dev.truce.domain.Basis;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import dev.truce.yaml.Violations;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of evidence.yaml. Whether its obligation exists (and has a target, for an amount) is checked by
 * the reader, which knows obligations.yaml.
 */
@Spec(doc = "One dated claim: who says an obligation is kept or broken, and on what basis. A claim, not a verdict.",
        expected = "a mapping with obligation, date, stance, claimant, basis and source",
        schema = "{\"dependentRequired\": {\"recorded\": [\"recorded_by\"]}}")
public record EvidenceSpec(
        @Key(required = true, doc = "The id of an obligation in obligations.yaml.", pattern = ObligationsFileChecks.ID,
                expected = "expected an obligation id from obligations.yaml") String obligation,
        @Key(required = true, doc = "When it happened: a date, or a date-time with its offset "
                + "(2025-06-02T15:00+08:00). A date counts from the start of that day in the truce's zone.") Moment date,
        @Key(required = true, doc = "The claimant's stance, not a verdict.") Stance stance,
        @Key(required = true, doc = "Who asserts it, on one line: a party (US, CN) or a third party (\"EU Chamber\", "
                + "\"desk\").", oneLine = true, expected = "expected who asserts it: a party (US, CN) or a third party",
                schema = "{\"examples\": [\"US\", \"CN\", \"EU Chamber\", \"desk\"]}") String claimant,
        @Key(required = true, doc = "What the claim rests on: act (legal act, notice), data (licences, trade "
                + "statistics), statement (official claim), report (press, third party).") Basis basis,
        @Key(required = true, doc = "The publisher or instrument.", expected = "expected the publisher or instrument")
        String source,
        @Key(doc = "Where to read it: a web address starting with http:// or https://. Never guessed: leave it out "
                + "when unknown.", webAddress = true,
                expected = "expected a web address starting with http:// or https://") String url,
        @Key(doc = "Anything else. Start facts without a primary text with \"unconfirmed:\".") String note,
        @Key(doc = "When the desk wrote it down (set by truce evidence add).") Instant recorded,
        @Key(name = "recorded_by", doc = "Who wrote it down (set by truce evidence add, last, after recorded).",
                oneLine = true, expected = "expected who recorded it") String recordedBy,
        @Key(doc = "For a purchase with a target: the claimant's cumulative figure to date, in the target's unit.",
                min = 0, expected = "expected a number, 0 or more") BigDecimal amount) {

    public EvidenceSpec {
        if (recorded != null && recordedBy == null) {
            new Violations().add("recorded", "has recorded but no recorded_by: `truce evidence add` writes recorded_by "
                    + "last, so this entry was cut off while being written (a crash or kill); delete the entry and add "
                    + "it again (if you wrote it by hand, add recorded_by)").throwIfAny();
        }
    }

    public Evidence toDomain() {
        return toDomain(java.util.function.UnaryOperator.identity());
    }

    /**
     * With the values a log repeats (the obligation, who claims, who recorded) taken through {@code shared}, so
     * that a million entries hold a few thousand such strings, not three million (memory, and the parse cache).
     */
    public Evidence toDomain(java.util.function.UnaryOperator<String> shared) {
        return new Evidence(shared.apply(obligation), date, stance, shared.apply(claimant), basis, source, url, note,
                recorded, recordedBy == null ? null : shared.apply(recordedBy), amount);
    }
}
