package dev.truce.domain.changes;

import dev.truce.domain.Evidence;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One difference between two versions of obligations.yaml and its evidence: about the truce itself
 * ({@code onTruce}, {@code id} is the truce's) or about one obligation. {@code before} and {@code after} are
 * short phrases of the two sides (null where a side has nothing: an addition has no before); {@code source}
 * the instrument or source that goes with the new side (an extension's, an outcome's, an evidence entry's);
 * {@code decided} an extension's decision day; {@code evidence} the entry added or removed. Text from the
 * files is kept as typed: every output escapes it for its medium.
 */
public record Change(ChangeKind kind, boolean onTruce, String id, String before, String after, String source,
                     LocalDate decided, Evidence evidence) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    static Change of(ChangeKind kind, Subject subject, String before, String after, String source) {
        return new Change(kind, subject.onTruce(), subject.id(), before, after, source, null, null);
    }

    /** What the change is about: the truce, or one obligation. */
    record Subject(boolean onTruce, String id) {
    }

    /** One line for a person (unescaped): "deadline extended from 2026-06-30 to 2026-07-31 by EO 1 (decided 2026-06-20)". */
    public String describe() {
        String deadline = onTruce ? "end" : "deadline";
        return switch (kind) {
            case ADDED -> (onTruce ? "truce added: " : "added: ") + after;
            case REMOVED -> (onTruce ? "truce removed: " : "removed: ") + before;
            case EXTENDED -> deadline + " extended from " + before + " to " + after + " by " + source
                    + (decided == null ? "" : " (decided " + decided + ")");
            case EXTENSION_CORRECTED -> "extension corrected: " + before + " → " + after;
            case REPORTED -> deadline + " reported (not enacted) to " + after + " by " + source
                    + (decided == null ? "" : " (decided " + decided + ")") + "; the " + deadline + " in force stays "
                    + before;
            case MOVED_WITH_TRUCE -> "deadline moved with the truce from " + before + " to " + after + " by " + source
                    + (decided == null ? "" : " (decided " + decided + ")");
            case EXTENSION_REMOVED -> "extension removed: " + before;
            case DUE_CORRECTED -> (onTruce ? "original end corrected: " : "due date corrected: ") + before + " → " + after;
            case OUTCOME_RECORDED -> "outcome recorded: " + after;
            case OUTCOME_CHANGED -> "outcome changed: " + before + " → " + after;
            case OUTCOME_REMOVED -> "outcome removed (was " + before + ")";
            case TITLE_EDITED -> "title: " + before + " → " + after;
            case SOURCES_EDITED -> "sources: " + before + " → " + after;
            case EDITED -> "edited: " + after;
            case EVIDENCE_ADDED -> "evidence added: " + after;
            case EVIDENCE_REMOVED -> "evidence removed: " + before;
        };
    }
}
