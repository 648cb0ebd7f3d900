package dev.truce.app;

import dev.truce.domain.Moment;
import dev.truce.domain.OutcomeResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One piece of news to record in obligations.yaml, for whom it is recorded, and whether to write it. Who: the ids
 * named, the truce, and every obligation whose enacted deadline is {@code dueAt} (null: none chosen that way).
 * {@code decided} null means today in the truce's zone.
 */
public sealed interface NewsItem {
    Selectors selectors();

    LocalDate decided();

    String source();

    String note();

    boolean dryRun();

    record Selectors(List<String> ids, boolean truce, Moment dueAt) {
        public Selectors {
            ids = List.copyOf(ids);
        }
    }

    /** "Extended to ..."; {@code reported}: announced, with no instrument seen. */
    record Extended(Selectors selectors, Moment until, LocalDate decided, String source, String note, boolean reported,
                    boolean dryRun) implements NewsItem {
    }

    /** "It lapsed", "it ended", "it was replaced by ...". */
    record Settled(Selectors selectors, OutcomeResult result, LocalDate decided, Moment effective, List<String> by,
                   BigDecimal duty, String source, String note, boolean dryRun) implements NewsItem {
        public Settled {
            by = by == null ? List.of() : List.copyOf(by);
        }
    }
}
