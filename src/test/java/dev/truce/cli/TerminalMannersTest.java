package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/** Colour only where it can be shown, and an incomplete command line treated the same at every level. */
class TerminalMannersTest {
    @TempDir
    Path dir;

    private static Context env(Map<String, String> environment) {
        return new Context(Clock.systemUTC(), environment, Path.of(""));
    }

    @Test
    void aTerminalGetsColourUnlessItIsDumbOrNoColorIsSet() {
        assertEquals(Ansi.ON, TruceCommand.ansi(env(Map.of("TERM", "xterm-256color")), true));
        assertEquals(Ansi.OFF, TruceCommand.ansi(env(Map.of("TERM", "dumb")), true));
        assertEquals(Ansi.OFF, TruceCommand.ansi(env(Map.of("TERM", "xterm", "NO_COLOR", "1")), true));
        assertEquals(Ansi.OFF, TruceCommand.ansi(env(Map.of("TERM", "xterm")), false), "a pipe never");
    }

    @Test
    void bareTruceAndBareTruceEvidenceBothShowTheirUsageOnStderrAndExitTwo() {
        CliRunner.Result root = new CliRunner(dir).run();
        CliRunner.Result evidence = new CliRunner(dir).run("evidence");
        for (CliRunner.Result r : new CliRunner.Result[] {root, evidence}) {
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().startsWith("Usage: truce "), r.err());
            assertTrue(r.err().contains("a command is needed"), r.err());
        }
        assertTrue(evidence.err().contains("add or list"), evidence.err());
    }
}
