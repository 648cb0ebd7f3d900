package dev.truce.app;

import dev.truce.domain.Evidence;

/** What `truce evidence add` recorded: the entry, the file it went to, its text as written, and whether the file is new. */
public record EvidenceAdded(Evidence evidence, String fileLabel, String text, boolean created) {
}
