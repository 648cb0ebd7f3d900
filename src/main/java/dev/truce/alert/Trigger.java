package dev.truce.alert;

import dev.truce.domain.ComplianceState;
import dev.truce.domain.Extension;
import java.util.Optional;

/**
 * One reason to tell a recipient about an obligation now. {@code previousState} is the compliance
 * state the recipient last heard of (compliance and resolved triggers); {@code extension} is the
 * extension that set the new deadline, when one did (extended triggers).
 */
public record Trigger(AlertKey key, ComplianceState previousState, Extension extension) {
    public static Trigger of(AlertKey key) {
        return new Trigger(key, null, null);
    }

    public TriggerKind kind() {
        return key.kind();
    }

    public Optional<ComplianceState> previous() {
        return Optional.ofNullable(previousState);
    }

    public Optional<Extension> extensionSource() {
        return Optional.ofNullable(extension);
    }
}
