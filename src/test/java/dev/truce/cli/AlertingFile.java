package dev.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The obligations.yaml a truce process runs on in the process tests: alerts go to desk@example.com through
 * an SMTP server on 127.0.0.1 (no TLS), and one obligation, us-tariff, is due five days from today in New
 * York. The process runs on the real clock, so a run always has something to send.
 */
final class AlertingFile {
    private final int smtpPort;
    private String recipient = "desk@example.com";
    private String evidenceFile;
    private String schedule;
    private String username;
    private String passwordFile;

    private AlertingFile(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    static AlertingFile smtpOn(int port) {
        return new AlertingFile(port);
    }

    AlertingFile recipient(String address) {
        recipient = address;
        return this;
    }

    /** {@code evidence_file:}; null leaves the key out. */
    AlertingFile evidenceFile(String path) {
        evidenceFile = path;
        return this;
    }

    /** {@code alerts.schedule:}, a Quartz cron expression. */
    AlertingFile schedule(String cron) {
        schedule = cron;
        return this;
    }

    AlertingFile login(String user, String passwordFilePath) {
        username = user;
        passwordFile = passwordFilePath;
        return this;
    }

    String text() {
        String due = LocalDate.now(ZoneId.of("America/New_York")).plusDays(5).toString();
        return """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2026-01-01T00:01-05:00
                  timezone: America/New_York
                  days: 3000
                %salerts:
                  recipients: [%s]
                %s  smtp:
                    host: 127.0.0.1
                    port: %d
                    security: none
                    from: truce@example.com
                %sobligations:
                  - id: us-tariff
                    title: Suspend the tariff
                    party: US
                    kind: paused-tariff
                    due: %s
                """.formatted(
                evidenceFile == null ? "" : "evidence_file: " + evidenceFile + "\n",
                recipient,
                schedule == null ? "" : "  schedule: \"" + schedule + "\"\n",
                smtpPort,
                username == null ? "" : "    username: " + username + "\n    password_file: " + passwordFile + "\n",
                due);
    }

    void writeTo(Path dir) throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), text(), StandardCharsets.UTF_8);
    }
}
