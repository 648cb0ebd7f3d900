package dev.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the real picocli factory in-process, as a user would run the command, and captures everything. */
public final class CliRunner {
    private final Path workingDirectory;
    private Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private Map<String, String> environment = Map.of();

    public CliRunner(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public CliRunner at(String instant) {
        this.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        return this;
    }

    public CliRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public CliRunner env(Map<String, String> environment) {
        this.environment = environment;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new Context(clock, environment, workingDirectory), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a command did; toString shows all three so a failed assertion explains itself. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}
