package dev.truce.config;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What obligations.yaml configures beside the truce itself, as written (paths relative to the file):
 * where the evidence, the acks and the alert ledger live, the mail server, the daemon's schedule and cluster, the
 * US tariff schedule exposure reads (hts_file, and the day its revision took effect).
 * Null where the file says nothing.
 */
public record Settings(String evidenceFile, Place evidenceFileAt, String acksFile, Place acksFileAt, String state,
                       SmtpConfig smtp, String schedule, ZoneId alertZone, String cluster, String htsFile,
                       Place htsFileAt, LocalDate htsEffective) {
    public static final String DEFAULT_EVIDENCE_FILE = "evidence.yaml";
    public static final String DEFAULT_ACKS_FILE = "acks.yaml";
    public static final String DEFAULT_STATE = ".truce";

    public Settings {
        smtp = smtp == null ? SmtpConfig.NONE : smtp;
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, null, SmtpConfig.NONE, null, null, null, null, null, null);
    }

    /** The log's file as written (evidence_file, acks_file), or null for the default. */
    public String logFile(LogLocation.Log log) {
        return log == LogLocation.Log.EVIDENCE ? evidenceFile : acksFile;
    }

    /** Where the log's key is written, or null. */
    public Place logFileAt(LogLocation.Log log) {
        return log == LogLocation.Log.EVIDENCE ? evidenceFileAt : acksFileAt;
    }
}
