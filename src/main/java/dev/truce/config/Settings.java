package dev.truce.config;

import java.io.Serializable;
import java.time.ZoneId;

/**
 * What obligations.yaml configures beside the truce itself, as written (paths relative to the file):
 * where the evidence and the alert ledger live, the mail server, the daemon's schedule and cluster.
 * Null where the file says nothing.
 */
public record Settings(String evidenceFile, Place evidenceFileAt, String state, SmtpConfig smtp, String schedule,
                       ZoneId alertZone, String cluster) implements Serializable {
    public static final String DEFAULT_EVIDENCE_FILE = "evidence.yaml";
    public static final String DEFAULT_STATE = ".truce";

    public Settings {
        smtp = smtp == null ? SmtpConfig.NONE : smtp;
    }

    public static Settings defaults() {
        return new Settings(null, null, null, SmtpConfig.NONE, null, null, null);
    }
}
