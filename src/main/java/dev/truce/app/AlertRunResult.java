package dev.truce.app;

import java.util.List;

/**
 * What one alert run did: one delivery per recipient who had anything due, the problems that make it a
 * failed run (exit 1) for cron, and warnings that do not (what of the evidence file could not be read).
 * No deliveries and no problems: nothing was due.
 */
public record AlertRunResult(List<Delivery> deliveries, List<String> problems, List<String> warnings) {
    public AlertRunResult {
        deliveries = List.copyOf(deliveries);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public AlertRunResult(List<Delivery> deliveries, List<String> problems) {
        this(deliveries, problems, List.of());
    }

    /**
     * This result with what the run read but could not use (broken evidence entries): said on stderr, and at the
     * top of every digest, but not a failure: the digest went out.
     */
    public AlertRunResult withWarnings(List<String> lines) {
        return new AlertRunResult(deliveries, problems, lines);
    }

    public boolean failed() {
        return !problems.isEmpty() || deliveries.stream().anyMatch(d -> d.outcome() == Outcome.FAILED || d.outcome() == Outcome.REFUSED);
    }

    public enum Outcome {
        /** Accepted by the SMTP server and recorded. */
        SENT,
        /** Not accepted; nothing recorded, so the next run sends it. */
        FAILED,
        /** Refused for good (5xx to RCPT or after DATA); nothing recorded, and not tried again before a back-off ({@link RefusedRecipients}). */
        REFUSED,
        /** --dry-run: printed, not sent, not recorded. */
        PRINTED,
        /** --out: written to a file, not sent, not recorded. */
        WRITTEN
    }

    /**
     * One recipient's digest. {@code detail}: the Message-ID (sent), why not (failed), the headers and text
     * (printed), or the file (written).
     */
    public record Delivery(String recipient, List<String> obligationIds, Outcome outcome, String detail) {
        public Delivery {
            obligationIds = List.copyOf(obligationIds);
        }
    }
}
