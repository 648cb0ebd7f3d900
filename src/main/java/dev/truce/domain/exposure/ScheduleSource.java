package dev.truce.domain.exposure;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The revision of the US tariff schedule a report read: its name (from the file's name, as USITC spells it),
 * the file, and the day it took effect as obligations.yaml records it (hts_effective; null when not recorded).
 * Each revision is a file: looking at a day before {@code effective} reads a schedule that may not have applied.
 */
public record ScheduleSource(String revision, String file, LocalDate effective) {
    public ScheduleSource {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(file, "file");
    }

    /** The warning for an as-of day before the revision took effect, or null. */
    public String warningFor(LocalDate asOf) {
        if (effective == null) {
            return "the day " + revision + " (" + file + ") took effect is not recorded (hts_effective in "
                    + "obligations.yaml): whether its rates applied on " + asOf + " is not checked";
        }
        if (asOf.isBefore(effective)) {
            return "as of " + asOf + ", before " + revision + " took effect (" + effective + "): its base and Section "
                    + "301 rates are shown, and the rates in force then may differ (import the revision of that day)";
        }
        return null;
    }
}
