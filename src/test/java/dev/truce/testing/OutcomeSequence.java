package dev.truce.testing;

import java.time.Instant;
import java.util.List;

/**
 * The life of a deadline after it passes, day by day, as issue 11 tells it: the desk hears of the deadline, it
 * passes (one "outcome not recorded" mail), nothing the next day, a reminder seven days on, someone records
 * that the tariff lapsed (one "outcome recorded" notice), then nothing, however long it runs. The same steps
 * drive the alert command (each step a fresh run on the same ledger, as after a restart) and the cluster.
 */
public final class OutcomeSequence {
    /** One alert run: when, whether the outcome is in the file by then, and what the one mail says (null: no mail). */
    public record Step(Instant at, boolean outcomeRecorded, String mailSays) {
        Step(String at, boolean outcomeRecorded, String mailSays) {
            this(Instant.parse(at), outcomeRecorded, mailSays);
        }
    }

    public static final List<Step> STEPS = List.of(
            new Step("2026-06-23T11:00:00Z", false, "- now within 7 days of the deadline"),
            new Step("2026-07-01T11:00:00Z", false,
                    "- deadline passed at 2026-07-01 00:00 EDT, outcome not recorded: record it with truce outcome "),
            new Step("2026-07-02T11:00:00Z", false, null),
            new Step("2026-07-07T11:00:00Z", false, null),
            new Step("2026-07-08T11:00:00Z", false,
                    "- still no outcome recorded, 7 days after the deadline: record it with truce outcome "),
            new Step("2026-07-09T11:00:00Z", false, null),
            new Step("2026-07-10T11:00:00Z", true, "- outcome recorded: lapsed"),
            new Step("2026-07-11T11:00:00Z", true, null),
            new Step("2026-07-15T11:00:00Z", true, null),
            new Step("2026-08-30T11:00:00Z", true, null));

    private OutcomeSequence() {
    }

    /** One obligation due through 2026-06-30 in New York, mailed to the desk; the lapse recorded or not. */
    public static String file(String smtp, boolean outcomeRecorded) {
        String outcome = !outcomeRecorded ? "" : """
                    outcome:
                      result: lapsed
                      decided: 2026-07-09
                      source: Federal Register notice of 2026-07-09
                """;
        return """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2026-01-01T00:01-05:00
                  timezone: America/New_York
                  days: 300
                alerts:
                  thresholds: [7]
                  recipients: [desk@example.com]
                %s
                obligations:
                  - id: us-tariff
                    title: Suspend the tariff
                    party: US
                    kind: paused-tariff
                    due: 2026-06-30
                %s""".formatted(smtp.indent(2).stripTrailing(), outcome);
    }
}
