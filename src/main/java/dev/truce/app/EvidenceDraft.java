package dev.truce.app;

import dev.truce.domain.Basis;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import java.math.BigDecimal;

/**
 * An entry as the user gave it to `truce evidence add`; {@code date} null means today in the truce zone.
 * {@code force}: record it even if the file has the same claim already.
 */
public record EvidenceDraft(String obligation, Moment date, Stance stance, String claimant, Basis basis,
                            String source, String url, String note, String recordedBy, BigDecimal amount,
                            boolean force) {
}
