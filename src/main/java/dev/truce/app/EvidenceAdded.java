package dev.truce.app;

import dev.truce.domain.Evidence;

/**
 * What `truce evidence add` recorded: the entry, the file it went to, its text as written, whether the file is new,
 * and whether the date was the default (today in the truce's zone), which the command says.
 */
public record EvidenceAdded(Evidence evidence, String fileLabel, String text, boolean created, boolean dateByDefault) {
}
