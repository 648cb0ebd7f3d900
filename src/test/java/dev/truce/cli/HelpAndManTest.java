package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpAndManTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpShowsAnExample() {
        for (String command : visibleCommands()) {
            CliRunner.Result result = command.isEmpty() ? new CliRunner(dir).run("--help")
                    : new CliRunner(dir).run(command, "--help");
            // a monitoring plugin's --help exits UNKNOWN, as the monitoring-plugin guidelines ask
            assertEquals(command.equals("check") ? 3 : 0, result.exitCode(), result::toString);
            assertTrue(result.out().matches("(?s).*\\nExamples?:\\n  truce .*"), "no example in the help of '" + command + "'");
        }
    }

    /**
     * Issue 21: an example's comment never wraps mid-comment. picocli wraps any footer line over 80 columns: fine
     * for a paragraph of prose, not for an indented line (an example, its comment, a sample of output).
     */
    @Test
    void everyFooterLineOfEveryCommandFitsIn80ColumnsAndIsPrintedWhole() {
        CommandLine root = Cli.create(new Context(Clock.systemUTC(), Map.of(), dir),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new java.util.ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        int footers = 0;
        for (CommandLine command : all) {
            String name = command.getCommandSpec().qualifiedName();
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                String printed = String.format(line);
                if (!printed.startsWith(" ")) {
                    continue;
                }
                assertTrue(printed.length() <= 80, name + ": footer line of " + printed.length() + " columns: " + printed);
                assertTrue(help.contains(printed + "\n"), name + ": not printed whole: " + printed);
                footers++;
            }
        }
        assertTrue(footers > 40, "the examples were found: " + footers);
    }

    @Test
    void theManPageDescribesEveryVisibleCommandInValidRoff() {
        CliRunner.Result result = new CliRunner(dir).run("man");
        assertEquals(0, result.exitCode(), result::toString);
        String page = result.out();
        assertTrue(page.startsWith(".TH TRUCE 1 "), page);
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT")) {
            assertTrue(page.contains("\n.SH " + section + "\n"), section);
        }
        for (String command : visibleCommands()) {
            if (!command.isEmpty()) {
                assertTrue(page.contains("\n.SS \"truce " + command + "\"\n"), command);
            }
        }
        assertFalse(page.contains(".SS \"truce ids\""), "the completion helper stays hidden");
        assertTrue(page.contains("truce check \\-\\-warning 14 \\-\\-critical 3"), "examples keep their flags, escaped");
        for (String line : page.lines().toList()) {
            boolean request = line.startsWith(".") || line.startsWith("'");
            assertTrue(!request || line.matches("\\.(TH|SH|SS|TP|PP|RS|RE|nf|fi|B)( .*)?"), "stray request: " + line);
        }
    }

    private List<String> visibleCommands() {
        CommandLine root = Cli.create(new Context(Clock.systemUTC(), Map.of(), dir),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> names = new java.util.ArrayList<>();
        names.add("");
        root.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }
}
