package dev.truce.domain.recording;

/**
 * A mistake the file's rules let pass but a desk would not mean: an entry ignored until a day in the future, a
 * deadline that moved by most of a day because its form changed, obligations a truce extension left behind.
 * {@code owner} is an obligation id, or null for the truce; {@code entry} the place within it
 * ({@code extensions[2].decided}, {@code outcome.decided}) where the file should be looked at.
 */
public record EntryWarning(String owner, String entry, String message) {
    public boolean aboutTruce() {
        return owner == null;
    }
}
