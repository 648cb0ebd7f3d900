package dev.truce.alert;

/**
 * The three parts of a digest, in the order they come (Alertmanager's grouping by severity): what needs a
 * person, what is coming, what is news. An item sits in one section, the first its {@link Topic} belongs to.
 */
public enum DigestSection {
    /** A passed deadline with no outcome, a claimed breach, a deadline within alerts.action_within_days. */
    ACTION("Action needed"),
    /** The other thresholds, and evidence that puts a deadline ahead at risk or in dispute. */
    COMING_UP("Coming up"),
    /** Extended, reported, outcome recorded, resolved, evidence gone stale. */
    INFORMATION("For information");

    private final String heading;

    DigestSection(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }
}
