package dev.truce.app;

import java.time.LocalDate;
import java.util.List;

/**
 * What recording a news item did (or, in a dry run, would do): the unified diff of obligations.yaml, the day it
 * was recorded as decided and whether that was the default, each change in words, what was near but not chosen,
 * and the warnings the file now raises.
 */
public record Recorded(String fileLabel, boolean written, String diff, LocalDate decided, boolean decidedByDefault,
                       List<Change> changes, List<String> notSelected, List<String> warnings) {
    public Recorded {
        changes = List.copyOf(changes);
        notSelected = List.copyOf(notSelected);
        warnings = List.copyOf(warnings);
    }

    /** One target: "cn-port-fees-suspension: 2026-11-10 00:01 EST → 2027-11-10 00:01 EST". */
    public record Change(String who, String what) {
        @Override
        public String toString() {
            return who + ": " + what;
        }
    }
}
