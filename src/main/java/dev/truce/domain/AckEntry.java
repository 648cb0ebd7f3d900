package dev.truce.domain;

import java.time.Instant;

/** One entry of the acks file: an ack given ({@link Ack}) or the ack in force lifted ({@link AckLift}). */
public sealed interface AckEntry permits Ack, AckLift {
    String obligationId();

    /** When it was written down. */
    Instant at();

    /** Who wrote it. */
    String by();
}
