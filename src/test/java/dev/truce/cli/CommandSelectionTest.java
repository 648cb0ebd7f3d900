package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line is built with only the command the arguments name (a start-up saving the benchmark
 * measures); whatever is built, a user sees the same: global flags before or after the command, the whole
 * list in help, a suggestion for a mistyped command, every command in the manual.
 */
class CommandSelectionTest {
    private final CliRunner cli = new CliRunner(Path.of("."));

    @Test
    void globalFlagsMayComeBeforeTheCommand() {
        CliRunner.Result r = cli.run("-f", "obligations.yaml", "--no-color", "validate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("OK: "), r::toString);
    }

    @Test
    void helpListsEveryCommand() {
        CliRunner.Result r = cli.run("--help");
        assertEquals(0, r.exitCode(), r::toString);
        for (String command : java.util.List.of("status", "show", "changes", "validate", "evidence", "alert", "ack", "daemon",
                "calendar", "report", "check", "man", "schema", "completion")) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " in\n" + r.out());
        }
    }

    @Test
    void aMistypedCommandStillGetsASuggestion() {
        CliRunner.Result r = cli.run("stauts");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("status"), r::toString);
    }

    @Test
    void theManualDescribesEveryCommandEvenWhenTheArgumentsNameOne() {
        CliRunner.Result r = cli.run("-f", "obligations.yaml", "man");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(".SS \"truce daemon\""), "the daemon in the manual");
        assertTrue(r.out().contains(".SS \"truce evidence add\""), "a subcommand in the manual");
    }
}
