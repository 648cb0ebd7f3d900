package dev.truce.domain.exposure;

import java.time.Instant;

/** From {@code from} on (until the next step), the duty on a product: one number, or two when an outcome is missing. */
public record DutyStep(Instant from, Share duty) {
}
