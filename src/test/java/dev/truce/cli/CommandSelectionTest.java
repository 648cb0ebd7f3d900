package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the command named is built, after any global flags; anything else gets the whole tree. */
class CommandSelectionTest {
    @Test
    void theNamedCommandAloneAfterGlobalFlags() {
        assertEquals(List.of(StatusCommand.class), Cli.commandsFor("status", "--within", "30"));
        assertEquals(List.of(ShowCommand.class), Cli.commandsFor("-f", "status", "--no-color", "show", "x"));
        assertEquals(List.of(ValidateCommand.class), Cli.commandsFor("--file", "show", "-v", "validate"));
    }

    @Test
    void helpUnknownWordsAndWholeTreeCommandsGetEveryCommand() {
        assertEquals(TruceCommand.COMMANDS, Cli.commandsFor());
        assertEquals(TruceCommand.COMMANDS, Cli.commandsFor("--help"));
        assertEquals(TruceCommand.COMMANDS, Cli.commandsFor("statsu"));
        assertEquals(TruceCommand.COMMANDS, Cli.commandsFor("man"));
        assertEquals(TruceCommand.COMMANDS, Cli.commandsFor("-f", "x.yaml", "completion", "bash"));
    }

    @Test
    void aMistypedCommandStillGetsASuggestion() {
        CliRunner.Result r = new CliRunner(java.nio.file.Path.of(".")).run("stauts");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(true, r.err().contains("status"), r::toString);
    }
}
