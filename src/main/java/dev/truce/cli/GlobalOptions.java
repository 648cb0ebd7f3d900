package dev.truce.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Flags every command takes, before or after the command name. */
public final class GlobalOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The obligations file (default: $TRUCE_FILE, else obligations.yaml in the current directory).")
    Path file;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour, even on a terminal (a pipe never gets colour; $NO_COLOR works too).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces and details of failures.")
    boolean verbose;
}
