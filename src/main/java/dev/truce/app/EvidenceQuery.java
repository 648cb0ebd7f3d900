package dev.truce.app;

import dev.truce.domain.Moment;
import dev.truce.domain.Stance;

/** Which entries `truce evidence list` shows; null fields keep everything. */
public record EvidenceQuery(String obligation, Moment since, Stance stance, AsOf asOf) {
}
