package dev.truce.domain;

import java.util.List;

/**
 * The parts the builders of {@link Obligation} and {@link Truce} set alike: the course (extensions and outcome),
 * the sources and the note.
 */
public abstract class CourseBuilder<B extends CourseBuilder<B>> {
    Course course = Course.NONE;
    List<String> sources = List.of();
    String note;

    abstract B self();

    public B course(Course value) {
        course = value;
        return self();
    }

    public B extensions(List<Extension> value) {
        course = course.withExtensions(value);
        return self();
    }

    public B outcome(Outcome value) {
        course = course.settled(value);
        return self();
    }

    public B sources(List<String> value) {
        sources = value;
        return self();
    }

    public B note(String value) {
        note = value;
        return self();
    }
}
