package dev.truce.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands take from the world: the clock, the environment and the working directory.
 * Tests pass their own, so nothing reads the real clock or environment behind their back.
 */
public record Context(Clock clock, Map<String, String> environment, Path workingDirectory) {
    public Context {
        environment = Map.copyOf(environment);
    }

    public static Context system() {
        return new Context(Clock.systemUTC(), System.getenv(), Path.of(""));
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /** Who runs the command: $LOGNAME, else $USER, else the account's user name; empty when none is known. */
    public Optional<String> userName() {
        return env("LOGNAME").or(() -> env("USER"))
                .or(() -> Optional.ofNullable(System.getProperty("user.name")).filter(n -> !n.isBlank()));
    }
}
