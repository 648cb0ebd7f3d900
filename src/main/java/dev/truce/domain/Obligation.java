package dev.truce.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one party must do, or keep doing, until a deadline. {@code effective} is null when the
 * obligation starts with the truce. Optional parts are null (or empty lists) when the file leaves them out:
 * {@code owner}, {@code note}, {@code outcome} (what happened, once recorded), {@code target} (a purchase's
 * quantity), {@code duty} (the rate it holds down on what it {@code covers}).
 */
public record Obligation(String id, String title, String party, Kind kind, Moment effective, Due due,
                         Course course, Owner owner, List<String> recipients, List<String> hts,
                         List<String> sources, List<String> dependsOn, String note, Target target,
                         List<String> covers, Duty duty) {

    /** The value of {@code party} for an obligation that binds both sides together. */
    public static final String JOINT = "joint";

    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
        course = course == null ? Course.NONE : course;
        recipients = copy(recipients);
        hts = copy(hts);
        sources = copy(sources);
        dependsOn = copy(dependsOn);
        covers = copy(covers);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Its own extensions (only an obligation with a due date of its own has any), oldest first. */
    public List<Extension> extensions() {
        return course.extensions();
    }

    /** What happened, once recorded; null until then. */
    public Outcome outcome() {
        return course.outcome();
    }

    public Moment effectiveOr(Truce truce) {
        return effective != null ? effective : truce.effective();
    }

    /** The chain of deadlines this obligation follows, or empty when it has none. */
    public Optional<DeadlineChain> deadlineChain(Truce truce) {
        return switch (due.type()) {
            case TRUCE_END -> Optional.of(truce.endChain());
            case NONE -> Optional.empty();
            case FIXED -> Optional.of(course.chainFrom(due.fixed()));
        };
    }

    /** The address to mail the owner at, if the owner has one. */
    public Optional<String> ownerAddress() {
        return Optional.ofNullable(owner).map(Owner::address);
    }

    public static Builder builder(String id) {
        return new Builder().id(id);
    }

    public Builder toBuilder() {
        return new Builder().id(id).title(title).party(party).kind(kind).effective(effective).due(due)
                .course(course).owner(owner).recipients(recipients).hts(hts).sources(sources)
                .dependsOn(dependsOn).note(note).target(target).covers(covers).duty(duty);
    }

    /** For code that makes obligations (tests, generators): every part named, the rest left empty. */
    public static final class Builder extends CourseBuilder<Builder> {
        @Override
        Builder self() {
            return this;
        }

        private String id;
        private String title;
        private String party = "US";
        private Kind kind = Kind.OTHER;
        private Moment effective;
        private Due due = Due.TRUCE_END;
        private Owner owner;
        private List<String> recipients = List.of();
        private List<String> hts = List.of();
        private List<String> dependsOn = List.of();
        private Target target;
        private List<String> covers = List.of();
        private Duty duty;

        private Builder() {
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder party(String value) {
            party = value;
            return this;
        }

        public Builder kind(Kind value) {
            kind = value;
            return this;
        }

        public Builder effective(Moment value) {
            effective = value;
            return this;
        }

        public Builder due(Due value) {
            due = value;
            return this;
        }

        /** A fixed due date, from the file's notation. */
        public Builder due(String value) {
            due = Due.parse(value);
            return this;
        }

        public Builder owner(Owner value) {
            owner = value;
            return this;
        }

        public Builder recipients(List<String> value) {
            recipients = value;
            return this;
        }

        public Builder hts(List<String> value) {
            hts = value;
            return this;
        }

        public Builder dependsOn(List<String> value) {
            dependsOn = value;
            return this;
        }

        public Builder target(Target value) {
            target = value;
            return this;
        }

        public Builder covers(List<String> value) {
            covers = value;
            return this;
        }

        public Builder duty(Duty value) {
            duty = value;
            return this;
        }

        public Obligation build() {
            return new Obligation(id, title == null ? id : title, party, kind, effective, due, course, owner,
                    recipients, hts, sources, dependsOn, note, target, covers, duty);
        }
    }
}
