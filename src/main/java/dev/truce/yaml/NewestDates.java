package dev.truce.yaml;

import dev.truce.domain.Moment;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The few entries of a log with the latest dates, and where each is written: enough to warn of entries dated
 * after today (a typo, which `evidence add` refuses) at their file:line, without keeping a position per entry.
 * Kept with a read, and in the parse cache, because "today" moves and a cached read must not bake it in.
 */
public final class NewestDates {
    /** How many are kept: far more entries dated after today than this is not a typo to list one by one. */
    static final int KEPT = 64;
    private static final Comparator<Dated> LATEST_FIRST = Comparator
            .comparing((Dated d) -> d.date().end(ZoneOffset.UTC)).reversed();

    /** One entry's date, where it is written, and its path in the file ("[41]"). */
    public record Dated(Moment date, Position at, String path) {
    }

    private final List<Dated> kept = new ArrayList<>();

    void offer(Moment date, Position at, String path) {
        if (kept.size() < KEPT) {
            kept.add(new Dated(date, at, path));
            if (kept.size() == KEPT) {
                kept.sort(LATEST_FIRST);
            }
            return;
        }
        Dated earliest = kept.get(KEPT - 1);
        if (LATEST_FIRST.compare(new Dated(date, at, path), earliest) < 0) {
            kept.set(KEPT - 1, new Dated(date, at, path));
            kept.sort(LATEST_FIRST);
        }
    }

    void offerAll(List<Dated> dates) {
        dates.forEach(d -> offer(d.date(), d.at(), d.path()));
    }

    List<Dated> latestFirst() {
        List<Dated> copy = new ArrayList<>(kept);
        copy.sort(LATEST_FIRST);
        return List.copyOf(copy);
    }
}
