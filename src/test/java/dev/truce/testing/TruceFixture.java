package dev.truce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small obligations.yaml for alert tests, in New York time. At {@link #WEEK_BEFORE} (07:00 EDT on
 * 2026-06-23) us-tariff has 7 days left and cn-licences 22: desk@ hears of both, owner@ of us-tariff,
 * licences@ of cn-licences. open-thing has no deadline.
 */
public final class TruceFixture {
    public static final String WEEK_BEFORE = "2026-06-23T11:00:00Z";
    public static final String DESK = "desk@example.com";
    public static final String OWNER = "owner@example.com";
    public static final String LICENCES = "licences@example.com";
    /** One evidence entry for the default file's us-tariff: US says it complies (an act). */
    public static final String ONE_EVIDENCE = """
            - obligation: us-tariff
              date: 2026-06-01
              stance: complies
              claimant: US
              basis: act
              source: Federal Register notice
            """;

    private TruceFixture() {
    }

    public static String yaml(String smtp, String usTariffTitle, String usTariffExtra) {
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
                  thresholds: [30, 14, 7, 3, 1, 0]
                  recipients: [desk@example.com]
                %s
                obligations:
                  - id: us-tariff
                    title: %s
                    party: US
                    kind: paused-tariff
                    due: 2026-06-30
                    owner: owner@example.com
                %s
                  - id: cn-licences
                    title: Issue the licences
                    party: CN
                    kind: export-control
                    due: 2026-07-15T00:01-04:00
                    recipients: [licences@example.com]
                  - id: open-thing
                    title: Keep talking
                    party: joint
                    kind: other
                    due: none
                """.formatted(smtp.indent(2).stripTrailing(), usTariffTitle, usTariffExtra.indent(4).stripTrailing());
    }

    /** SMTP to localhost without TLS from truce@example.com; tests point the port at their server by environment. */
    public static String plainSmtp() {
        return """
                smtp:
                  host: localhost
                  security: none
                  from: truce@example.com""";
    }

    /** Writes obligations.yaml; no evidence.yaml beside it, which means no evidence yet. */
    public static Path write(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("obligations.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeDefault(Path dir) {
        return write(dir, yaml(plainSmtp(), "Suspend the tariff", ""));
    }

    public static Map<String, String> smtpAt(int port) {
        return Map.of("TRUCE_SMTP_HOST", "127.0.0.1", "TRUCE_SMTP_PORT", String.valueOf(port));
    }
}
