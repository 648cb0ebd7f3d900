package dev.truce.yaml.spec;

import dev.truce.domain.Moment;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import dev.truce.yaml.Violations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Spec(doc = "What happened when the deadline came, or earlier: recorded by hand once it is known. Until then the "
        + "tool says `unresolved` after the deadline.",
        expected = "a mapping with result and source",
        schema = "{\"if\": {\"properties\": {\"result\": {\"const\": \"replaced\"}}, \"required\": [\"result\"]},"
                + " \"then\": {\"required\": [\"by\"]},"
                + " \"else\": {\"properties\": {\"by\": {\"type\": [\"array\", \"null\"], \"maxItems\": 0}}}}")
public record OutcomeSpec(
        @Key(required = true, doc = "lapsed: what was suspended came back (the tariff snaps back); ended: it stopped "
                + "with nothing to snap back (revoked, voided by a court, moot); fulfilled / missed: a one-off "
                + "commitment was met or not; permanent: a suspension became a removal; replaced: split into, or "
                + "superseded by, the obligations in `by`.")
        OutcomeResult result,
        @Key(doc = "When it was decided or became known; before that day, --as-of does not know it.") LocalDate decided,
        @Key(doc = "When it takes effect. Default: the deadline. Required when there is no deadline (due: none). "
                + "An `ended` before the deadline ends it early.")
        Moment effective,
        @Key(doc = "For replaced only: the ids of the obligations that take over.",
                pattern = "[a-z0-9]+(-[a-z0-9]+)*", expected = "expected obligation ids")
        List<String> by,
        @Key(doc = "The additional duty, in percent, that applies afterwards, when the outcome says so "
                + "(exposure uses it instead of the rates under `duty`).", min = 0, max = 1000,
                expected = "expected a rate in percent, 0 to 1000")
        BigDecimal duty,
        @Key(required = true, doc = "The instrument, ruling or report that says so.",
                expected = "expected the instrument, ruling or report that says so") String source,
        @Key(doc = "Anything else. Start facts without a primary text with \"unconfirmed:\".") String note) {

    public OutcomeSpec {
        Violations problems = new Violations();
        if (result == OutcomeResult.REPLACED && (by == null || by.isEmpty())) {
            problems.add("by", "missing: a replaced obligation names the obligations that take over (by: [id, ...])");
        }
        if (result != null && result != OutcomeResult.REPLACED && by != null && !by.isEmpty()) {
            problems.add("by", "only a replaced obligation names others in by (result is " + result.label() + ")");
        }
        problems.throwIfAny();
    }

    public Outcome toDomain() {
        return new Outcome(result, decided, effective, by, duty, source, note);
    }

    /** The entry as it is written for {@code outcome}: the inverse of {@link #toDomain()}. */
    public static OutcomeSpec of(Outcome outcome) {
        return new OutcomeSpec(outcome.result(), outcome.decided(), outcome.effective(),
                outcome.by().isEmpty() ? null : outcome.by(), outcome.duty(), outcome.source(), outcome.note());
    }
}
