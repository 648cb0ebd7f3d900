package dev.truce.domain.changes;

import dev.truce.domain.Labelled;

/** What kind of change a {@link Change} is; the label is what every output prints (and JSON's "kind"). */
public enum ChangeKind implements Labelled {
    /** An obligation (or, when the file appeared, the truce) is new. */
    ADDED("added"),
    REMOVED("removed"),
    /** An extension was added: the deadline moved from the previous link of the chain to its {@code until}. */
    EXTENDED("extended"),
    /** An existing extension now says another date, instrument or decision day. */
    EXTENSION_CORRECTED("extension-corrected"),
    /** A reported extension was added (announced, no instrument): the deadline did not move. */
    REPORTED("reported"),
    /** An obligation due at truce-end whose deadline moved because the truce's end was extended. */
    MOVED_WITH_TRUCE("moved-with-truce"),
    EXTENSION_REMOVED("extension-removed"),
    /** The deadline itself (due, or the truce's effective + days) was corrected by hand, not extended. */
    DUE_CORRECTED("due-corrected"),
    OUTCOME_RECORDED("outcome-recorded"),
    OUTCOME_CHANGED("outcome-changed"),
    OUTCOME_REMOVED("outcome-removed"),
    TITLE_EDITED("title-edited"),
    SOURCES_EDITED("sources-edited"),
    /** Any other field: {@code after} names them (party, note, ...). */
    EDITED("edited"),
    EVIDENCE_ADDED("evidence-added"),
    EVIDENCE_REMOVED("evidence-removed");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
