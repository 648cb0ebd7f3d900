package dev.truce.app;

import dev.truce.domain.Basis;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;

/** An entry as the user gave it to `truce evidence add`; {@code date} null means today in the truce zone. */
public record EvidenceDraft(String obligation, Moment date, Stance stance, String claimant, Basis basis,
                            String source, String url, String note, String recordedBy) {
}
