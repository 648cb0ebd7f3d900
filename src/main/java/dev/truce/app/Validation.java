package dev.truce.app;

import dev.truce.config.TruceFile;

/** What `truce validate` found valid: obligations.yaml and the evidence file it points at (which may not exist yet). */
public record Validation(TruceFile file, String evidenceLabel, int evidenceEntries, boolean evidenceExists) {
}
