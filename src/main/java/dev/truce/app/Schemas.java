package dev.truce.app;

import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.SchemaWriter;
import dev.truce.yaml.spec.AckSpec;
import dev.truce.yaml.spec.EvidenceSpec;
import dev.truce.yaml.spec.ObligationsFileSpec;

/**
 * The JSON Schemas of the three files (obligations.yaml, evidence.yaml, acks.yaml), for YAML editors: written from the spec records the readers bind, so the
 * schema and the reader cannot drift apart.
 */
public final class Schemas {
    /** Which file's schema. */
    public enum Of { OBLIGATIONS, EVIDENCE, ACKS }

    private Schemas() {
    }

    public static String text(Of which) {
        return switch (which) {
            case OBLIGATIONS -> SchemaWriter.ofMapping(ObligationsFileSpec.class,
                    "truce obligations.yaml (format version " + ObligationsFileReader.FORMAT_VERSION + ")");
            case EVIDENCE -> SchemaWriter.ofList(EvidenceSpec.class, "truce evidence.yaml",
                    "What someone says about whether an obligation is being kept: a YAML list of dated claims. "
                    + "`truce evidence add` appends to the end, so keep it a list. Each entry records a claim and "
                    + "who makes it, not a verdict.");
            case ACKS -> SchemaWriter.ofList(AckSpec.class, "truce acks.yaml",
                    "Who on the desk acknowledged an obligation, silencing its alerts, and who lifted an ack: a YAML "
                    + "list that `truce ack` and `truce ack lift` append to, kept in git so that every clone honours "
                    + "the same acks. Never edit past entries: they are the audit trail.");
        };
    }
}
