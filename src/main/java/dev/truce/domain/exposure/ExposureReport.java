package dev.truce.domain.exposure;

import dev.truce.domain.Truce;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Every product of a list at one as-of instant, in the list's order, and the sums. {@code covering}: how many
 * obligations of the file say what they cover (none: every product shows no duty, which says nothing).
 */
public record ExposureReport(Truce truce, Instant asOf, ZoneId zone, List<Exposure> products, ExposureTotal total,
                             int covering) {
    public ExposureReport {
        products = List.copyOf(products);
    }
}
