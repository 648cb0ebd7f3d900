package dev.truce.cli;

import dev.truce.config.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands take from the world: the clock, the environment, the working directory, and where long work
 * shows its progress (stderr, when it is a terminal). Tests pass their own, so nothing reads the real clock or
 * environment behind their back.
 */
public record Context(Clock clock, Map<String, String> environment, Path workingDirectory, Progress progress) {
    public Context {
        environment = Map.copyOf(environment);
    }

    /** No progress shown. */
    public Context(Clock clock, Map<String, String> environment, Path workingDirectory) {
        this(clock, environment, workingDirectory, Progress.NONE);
    }

    public static Context system() {
        Clock clock = Clock.systemUTC();
        return new Context(clock, System.getenv(), Path.of(""), TerminalProgress.onStderr(clock));
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
