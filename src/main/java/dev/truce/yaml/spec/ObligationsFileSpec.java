package dev.truce.yaml.spec;

import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import java.time.LocalDate;
import java.util.List;

/** obligations.yaml, format version 1: the top level. */
@Spec(doc = "The obligations of a trade truce, edited by hand and kept in git. `truce validate` checks what this "
        + "schema cannot: that parties and ids exist, that extensions move deadlines later, that dates are real.",
        expected = "a mapping with version, truce and obligations")
public record ObligationsFileSpec(
        @Key(required = true, doc = "Format version of this file. Always 1.", min = 1,
                expected = "expected " + ObligationsFileChecks.FORMAT_VERSION, schema = "{\"const\": 1}") Integer version,
        @Key(required = true, doc = "The truce itself.") TruceSpec truce,
        @Key(doc = "Who hears about deadlines, how and when.") AlertsSpec alerts,
        @Key(required = true, doc = "One entry per thing one side must do, or keep doing, until a deadline.",
                expected = "expected a list of obligations") List<ObligationSpec> obligations,
        @Key(name = "evidence_file", doc = "Path of the evidence file, relative to this file, inside its folder (or a "
                + "folder allowed by $TRUCE_EVIDENCE_DIRS); a .yaml or .yml file. Default: evidence.yaml beside it.",
                defaultValue = "evidence.yaml", expected = "expected a path relative to this file") String evidenceFile,
        @Key(name = "acks_file", doc = "Path of the acks file that truce ack appends to, relative to this file, inside "
                + "its folder (or a folder allowed by $TRUCE_EVIDENCE_DIRS); a .yaml or .yml file, kept in git so every "
                + "clone honours the same acks. Default: acks.yaml beside it.",
                defaultValue = "acks.yaml", expected = "expected a path relative to this file") String acksFile,
        @Key(name = "stale_after_days", doc = "Evidence older than this many days is stale. Default: 30.", min = 1,
                defaultValue = "30", expected = "expected a whole number of days, at least 1") Integer staleAfterDays,
        @Key(doc = "Directory of the alert ledger, relative to this file. Default: .truce", defaultValue = ".truce",
                expected = "expected a directory path relative to this file") String state,
        @Key(doc = "Settings of `truce daemon`.") DaemonSpec daemon,
        @Key(doc = "The day a person last checked this file against the sources; `status` warns when it is older "
                + "than review_every_days.") LocalDate reviewed,
        @Key(name = "review_every_days", doc = "How often the file should be reviewed, in days. Default: 30.", min = 1,
                defaultValue = "30", expected = "expected a whole number of days, at least 1") Integer reviewEveryDays,
        @Key(name = "hts_file", doc = "The US tariff schedule `truce exposure` reads for the base and Section 301 "
                + "layers: a USITC HTS JSON export (.json or .json.gz), relative to this file, inside its folder (or a "
                + "folder allowed by $TRUCE_EVIDENCE_DIRS). `truce hts import FILE` copies an export beside this file "
                + "and sets it. Default: none (the truce layer, and base_duty where a product gives one).",
                oneLine = true, expected = "expected a path relative to this file, ending .json or .json.gz") String htsFile,
        @Key(name = "hts_effective", doc = "The day the revision in hts_file took effect (USITC's release list says "
                + "it; the export itself carries no date). `exposure --as-of` an earlier day warns that the rates in "
                + "force then may differ.") LocalDate htsEffective) {
}
