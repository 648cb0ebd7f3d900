package dev.truce.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one party must do, or keep doing, until a deadline. {@code effective} is null when the
 * obligation starts with the truce.
 */
public record Obligation(String id, String title, String party, Kind kind, Moment effective, Due due,
                         List<Extension> extensions, String owner, List<String> recipients, List<String> hts,
                         List<String> sources, List<String> dependsOn, String note) {

    /** The value of {@code party} for an obligation that binds both sides together. */
    public static final String JOINT = "joint";

    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
        extensions = List.copyOf(extensions);
        recipients = List.copyOf(recipients);
        hts = List.copyOf(hts);
        sources = List.copyOf(sources);
        dependsOn = List.copyOf(dependsOn);
    }

    public Moment effectiveOr(Truce truce) {
        return effective != null ? effective : truce.effective();
    }

    /** The chain of deadlines this obligation follows, or empty when it has none. */
    public Optional<DeadlineChain> deadlineChain(Truce truce) {
        return switch (due.type()) {
            case TRUCE_END -> Optional.of(truce.endChain());
            case NONE -> Optional.empty();
            case FIXED -> Optional.of(new DeadlineChain(due.fixed(), extensions));
        };
    }

    public Optional<String> ownerAddress() {
        return Optional.ofNullable(owner);
    }
}
