package dev.truce.yaml.spec;

import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import dev.truce.yaml.Violations;
import java.time.LocalDate;

@Spec(doc = "One extension: on `decided` the deadline moved to `until`. Oldest first; each must move the deadline "
        + "later than the one before. Append new ones at the end: the chain is the history.",
        expected = "a mapping with decided, until and source")
public record ExtensionSpec(
        @Key(doc = "The day the extension was decided; it counts from the start of that day. Leave it out when "
                + "unknown (and say so in note): the extension then counts from the deadline it replaced.")
        LocalDate decided,
        @Key(required = true, doc = "The new deadline. For a reported extension, a bare date where the instant was "
                + "not stated.") Moment until,
        @Key(doc = "true: announced by an official, with no instrument seen yet. A reported extension never moves "
                + "the deadline: `status` shows it beside the enacted one, alerts go on naming the enacted one. It "
                + "needs `decided` (the day it was reported). When the instrument comes, add it as a new entry "
                + "without `reported`; the report stays as history. Default: false.", defaultValue = "false")
        Boolean reported,
        @Key(required = true, doc = "The instrument that extended it, e.g. EO 14334.",
                expected = "expected the instrument that extended it, e.g. EO 14334") String source,
        @Key(doc = "Anything else. Start facts without a primary text with \"unconfirmed:\".") String note) {

    public ExtensionSpec {
        if (Boolean.TRUE.equals(reported) && decided == null) {
            new Violations().add("decided", "missing: a reported extension needs the day it was reported "
                    + "(decided: YYYY-MM-DD)").throwIfAny();
        }
    }

    public Extension toDomain() {
        return new Extension(decided, until, source, note, Boolean.TRUE.equals(reported));
    }

    /** The entry as it is written for {@code extension}: the inverse of {@link #toDomain()}. */
    public static ExtensionSpec of(Extension extension) {
        return new ExtensionSpec(extension.decided(), extension.until(), extension.reported() ? Boolean.TRUE : null,
                extension.source(), extension.note());
    }

    /** The chain, empty when the key is left out. */
    static java.util.List<Extension> chain(java.util.List<ExtensionSpec> specs) {
        return specs == null ? java.util.List.of() : specs.stream().map(ExtensionSpec::toDomain).toList();
    }
}
