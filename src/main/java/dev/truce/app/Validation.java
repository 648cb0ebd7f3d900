package dev.truce.app;

import dev.truce.config.TruceFile;

/**
 * What `truce validate` found valid: obligations.yaml and the evidence and acks files it points at (either may not
 * exist yet), the truce's end in force now, and the warnings of the files.
 */
public record Validation(TruceFile file, String evidenceLabel, int evidenceEntries, boolean evidenceExists,
                         dev.truce.domain.Moment truceEndInForce, java.util.List<String> warnings,
                         String acksLabel, int ackEntries) {
    public Validation {
        warnings = java.util.List.copyOf(warnings);
    }
}
