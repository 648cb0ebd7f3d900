package dev.truce.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The truce itself: when it took effect, how long it runs, the extensions that moved its end, and
 * (once recorded) what happened when it ended.
 */
public record Truce(String id, String title, List<String> parties, LocalDate announced, Moment effective,
                    ZoneId zone, int days, Course course, List<String> sources, String note) {
    public Truce {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(zone, "zone");
        parties = List.copyOf(parties);
        course = course == null ? Course.NONE : course;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The end as first agreed: effective plus {@code days} calendar days in the truce zone. */
    public Moment originalEnd() {
        return endAfter(effective, days, zone);
    }

    /**
     * {@code days} days from {@code start}: a date-time moves by calendar days in the zone, keeping
     * its wall-clock time; a bare date starts at 00:00, so the span ends as the last day ends
     * (90 days from 2025-05-14 last through 2025-08-11).
     */
    public static Moment endAfter(Moment start, int days, ZoneId zone) {
        return start.isDateOnly() ? start.plusDays(days - 1L, zone) : start.plusDays(days, zone);
    }

    public DeadlineChain endChain() {
        return course.chainFrom(originalEnd());
    }

    /** The extensions of its end, oldest first. */
    public List<Extension> extensions() {
        return course.extensions();
    }

    /** What happened when it ended, once recorded; null until then. */
    public Outcome outcome() {
        return course.outcome();
    }

    /** This truce with another outcome (tests replay the ruling on the shipped file). */
    public Truce withOutcome(Outcome value) {
        return toBuilder().outcome(value).build();
    }

    /** For code that makes truces (tests, generators): a two-party truce of {@code days} days, the rest named when wanted. */
    public static Builder builder(String id, Moment effective, ZoneId zone, int days) {
        return new Builder(id, effective, zone, days);
    }

    public Builder toBuilder() {
        return new Builder(id, effective, zone, days).title(title).parties(parties).announced(announced)
                .course(course).sources(sources).note(note);
    }

    public static final class Builder extends CourseBuilder<Builder> {
        @Override
        Builder self() {
            return this;
        }

        private String id;
        private String title;
        private List<String> parties = List.of("US", "CN");
        private LocalDate announced;
        private Moment effective;
        private ZoneId zone;
        private int days;

        private Builder(String id, Moment effective, ZoneId zone, int days) {
            this.id = id;
            this.title = id;
            this.effective = effective;
            this.zone = zone;
            this.days = days;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder parties(List<String> value) {
            parties = value;
            return this;
        }

        public Builder announced(LocalDate value) {
            announced = value;
            return this;
        }

        public Builder effective(Moment value) {
            effective = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder days(int value) {
            days = value;
            return this;
        }

        public Truce build() {
            return new Truce(id, title, parties, announced, effective, zone, days, course, sources, note);
        }
    }
}
