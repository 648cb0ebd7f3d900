package dev.truce.domain.exposure;

import dev.truce.domain.Truce;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Every product of a list at one as-of instant, in the list's order, and the sums per market (in the order the
 * markets first appear). {@code covering}: how many obligations of the file say what they cover (none: every
 * product shows no duty, which says nothing). {@code schedule}: the revision of the US schedule read, or null;
 * {@code warnings}: what the reader must know before trusting a figure (an as-of before the revision's date).
 */
public record ExposureReport(Truce truce, Instant asOf, ZoneId zone, List<Exposure> products,
                             List<ExposureTotal> totals, int covering, ScheduleSource schedule,
                             List<String> warnings) {
    public ExposureReport {
        products = List.copyOf(products);
        totals = List.copyOf(totals);
        warnings = List.copyOf(warnings);
    }

    /** What no figure counts, said on every output (see {@link NotCounted}). */
    public List<String> notCounted() {
        return NotCounted.ALWAYS;
    }

    /** How many products have no base: their landed duty is the truce layer alone. */
    public int withoutBase() {
        return (int) products.stream().filter(e -> !e.hasBase()).count();
    }
}
