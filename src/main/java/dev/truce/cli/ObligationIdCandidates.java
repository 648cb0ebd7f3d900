package dev.truce.cli;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for an obligation id. Ids change as the file is edited, so the completion
 * script must ask `truce ids` each time rather than freeze a list when it is generated: this yields
 * a placeholder that {@link CompletionCommand} replaces with that call.
 */
final class ObligationIdCandidates implements Iterable<String> {
    static final String PLACEHOLDER = "__truce_obligation_ids__";

    @Override
    public Iterator<String> iterator() {
        return List.of(PLACEHOLDER).iterator();
    }
}
