package dev.truce.config;

import dev.truce.domain.Register;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * obligations.yaml as read: the domain {@link Register} plus the {@link Settings} that say where the other
 * files live and how to reach people. {@code lines} maps each obligation id to the line it was declared
 * on, for messages about other files that name it; {@code places} where its chains and outcomes are written, for
 * warnings.
 */
public record TruceFile(Path path, String label, Register register, Settings settings, Map<String, Integer> lines,
                        EntryPlaces places) {
    public TruceFile {
        lines = Map.copyOf(lines);
    }

    public TruceFile(Path path, String label, Register register, Settings settings, Map<String, Integer> lines) {
        this(path, label, register, settings, lines, EntryPlaces.NONE);
    }

    /** The folder obligations.yaml is in: relative settings are relative to it. */
    public Path directory() {
        return path.toAbsolutePath().normalize().getParent();
    }

    /** evidence_file as written, resolved against the folder, not yet checked ({@link LogLocation} checks). */
    public Path evidenceFile() {
        return logFile(LogLocation.Log.EVIDENCE);
    }

    /** acks_file as written (else acks.yaml), resolved against the folder, not yet checked. */
    public Path acksFile() {
        return logFile(LogLocation.Log.ACKS);
    }

    /** The log's file (evidence_file, acks_file, else its default), resolved against the folder, not yet checked. */
    public Path logFile(LogLocation.Log log) {
        String named = settings.logFile(log);
        return directory().resolve(named == null ? log.defaultName() : named);
    }

    public boolean namesLogFile(LogLocation.Log log) {
        return settings.logFile(log) != null;
    }

    public Path stateDirectory() {
        return directory().resolve(settings.state() == null ? Settings.DEFAULT_STATE : settings.state());
    }

    public SmtpConfig smtp() {
        return settings.smtp();
    }

    /** alerts.smtp.password_file, resolved against the folder. */
    public Optional<Path> passwordFile() {
        return Optional.ofNullable(settings.smtp().passwordFile()).map(directory()::resolve);
    }

    public Optional<String> scheduleSetting() {
        return Optional.ofNullable(settings.schedule());
    }

    public Optional<String> clusterSetting() {
        return Optional.ofNullable(settings.cluster());
    }

    /** The zone alerts are scheduled in: alerts.zone, else the truce's. */
    public ZoneId scheduleZone() {
        return settings.alertZone() != null ? settings.alertZone() : register.truce().zone();
    }
}
