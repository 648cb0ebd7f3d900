package dev.truce.cli;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for a party: the file's own (truce.parties and joint), asked of `truce ids --parties` each
 * time the script completes, as {@link ObligationIdCandidates} asks for ids.
 */
final class PartyCandidates implements Iterable<String> {
    static final String PLACEHOLDER = "__truce_parties__";

    @Override
    public Iterator<String> iterator() {
        return List.of(PLACEHOLDER).iterator();
    }
}
