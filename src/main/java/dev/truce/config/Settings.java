package dev.truce.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What obligations.yaml configures beside the truce itself, as written (paths relative to the file):
 * where the evidence and the alert ledger live, the mail server, the daemon's schedule and cluster, the US
 * tariff schedule exposure reads (hts_file, and the day its revision took effect).
 * Null where the file says nothing.
 */
public record Settings(String evidenceFile, Place evidenceFileAt, String state, SmtpConfig smtp, String schedule,
                       ZoneId alertZone, String cluster, String htsFile, Place htsFileAt, LocalDate htsEffective)
        implements Serializable {
    public static final String DEFAULT_EVIDENCE_FILE = "evidence.yaml";
    public static final String DEFAULT_STATE = ".truce";

    public Settings {
        smtp = smtp == null ? SmtpConfig.NONE : smtp;
    }

    public Settings(String evidenceFile, Place evidenceFileAt, String state, SmtpConfig smtp, String schedule,
                    ZoneId alertZone, String cluster) {
        this(evidenceFile, evidenceFileAt, state, smtp, schedule, alertZone, cluster, null, null, null);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, SmtpConfig.NONE, null, null, null);
    }
}
