package dev.truce.yaml;

import dev.truce.domain.Register;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * obligations.yaml as read: the domain {@link Register} plus the settings that say where the
 * other files live and how to reach people. {@code lines} maps each obligation id to the line
 * it was declared on, for messages about other files that name it.
 */
public record TruceFile(Path path, String label, Register register, Path evidenceFile, Path stateDirectory,
                        SmtpConfig smtp, String schedule, ZoneId alertZone, String cluster,
                        Map<String, Integer> lines) {
    public TruceFile {
        lines = Map.copyOf(lines);
    }

    public Optional<String> scheduleSetting() {
        return Optional.ofNullable(schedule);
    }

    public Optional<String> clusterSetting() {
        return Optional.ofNullable(cluster);
    }

    /** The zone alerts are scheduled in: alerts.zone, else the truce's. */
    public ZoneId scheduleZone() {
        return alertZone != null ? alertZone : register.truce().zone();
    }
}
