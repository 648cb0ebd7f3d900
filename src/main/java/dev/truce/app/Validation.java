package dev.truce.app;

import dev.truce.yaml.TruceFile;

/** What `truce validate` found valid: obligations.yaml and the evidence file it points at. */
public record Validation(TruceFile file, String evidenceLabel, int evidenceEntries) {
}
