package dev.truce.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands take from the world: the clock, the environment, the working directory, and whether long work
 * shows its progress on stderr (when it is a terminal). Tests pass their own, so nothing reads the real clock or
 * environment behind their back.
 */
public record Context(Clock clock, Map<String, String> environment, Path workingDirectory, boolean showsProgress) {
    public Context {
        environment = Map.copyOf(environment);
    }

    /** No progress shown. */
    public Context(Clock clock, Map<String, String> environment, Path workingDirectory) {
        this(clock, environment, workingDirectory, false);
    }

    public static Context system() {
        return new Context(Clock.systemUTC(), System.getenv(), Path.of(""), true);
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
