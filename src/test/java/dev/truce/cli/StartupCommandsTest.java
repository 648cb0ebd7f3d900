package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

/**
 * `truce --version`, `--help` and bare `truce` register no command they do not print: --version none, --help and
 * bare `truce` only each command's name and description. What a user sees is the text the whole tree prints.
 */
class StartupCommandsTest {
    private static final Context CONTEXT = new Context(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC),
            Map.of(), Path.of("."));

    private static CommandLine wholeTree() {
        return Cli.create(CONTEXT, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static CommandLine forArguments(String... args) {
        return Cli.forArguments(CONTEXT, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void helpPrintsWhatTheWholeTreePrints() {
        CliRunner.Result r = new CliRunner(Path.of(".")).run("--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(wholeTree().getUsageMessage(Help.defaultColorScheme(Help.Ansi.OFF)), r.out());
        assertTrue(r.out().contains("\n  status      Where every obligation stands"), r.out());
        assertTrue(r.out().contains("\n  completion  Prints a bash or zsh completion script"), r.out());
        assertFalse(r.out().contains("  ids "), "the completion helper stays hidden");
    }

    @Test
    void inColourToo() {
        Help.ColorScheme colour = Help.defaultColorScheme(Help.Ansi.ON);
        String help = forArguments("--help").getUsageMessage(colour);
        assertTrue(help.contains("\u001B["), "coloured: " + help);
        assertEquals(wholeTree().getUsageMessage(colour), help);
    }

    @Test
    void bareTrucePrintsTheWholeListAndSaysACommandIsNeeded() {
        CliRunner.Result r = new CliRunner(Path.of(".")).run();
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(wholeTree().getUsageMessage(Help.defaultColorScheme(Help.Ansi.OFF))
                + "truce: a command is needed (see the list above)\n"
                + "Try 'truce --help' for the options.\n", r.err());
    }

    @Test
    void helpRegistersOnlyNamesAndDescriptions() {
        CommandLine help = forArguments("--no-color", "--help");
        assertEquals(wholeTree().getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(Map.Entry::getKey).toList(),
                List.copyOf(help.getSubcommands().keySet()));
        help.getSubcommands().forEach((name, sub) -> {
            assertNull(sub.getCommand(), name + ": no command object, so no model built from its class");
            assertTrue(sub.getCommandSpec().options().stream().allMatch(o -> o.inherited()), name + ": no options of its own");
        });
    }

    @Test
    void versionRegistersNoCommand() {
        CliRunner.Result r = new CliRunner(Path.of(".")).run("--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().matches("truce \\S+.*\\nJava \\d+\\S* \\(.+\\) at .+\\n"), r.out());
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"--no-color", "-vV"},
                new String[] {"-f", "--help", "--version"}, new String[] {"--file", "-h", "-V"})) {
            assertEquals(Map.of(), forArguments(args).getSubcommands(), Arrays.toString(args));
        }
    }

    @Test
    void helpWithVersionGetsTheList() {
        for (String[] args : List.of(new String[] {"-hV"}, new String[] {"--version", "--help"}, new String[] {"-V", "-h"},
                new String[] {"--no-color"}, new String[0], new String[] {"-fV"}, new String[] {"-vfV"},
                new String[] {"-vf", "-V"}, new String[] {"-V", "-vhf", "x.yaml"})) {
            assertEquals(Cli.Selection.LIST, Cli.selectionFor(args), Arrays.toString(args));
        }
    }

    @Test
    void aNamedCommandAloneInFullAndTheManualAndCompletionEverything() {
        assertEquals(List.of("status"), List.copyOf(forArguments("-f", "x.yaml", "status", "--version").getSubcommands().keySet()));
        assertNotNull(forArguments("status").getSubcommands().get("status").getCommand());
        assertEquals(Cli.Selection.ALL, Cli.selectionFor("man"));
        assertEquals(Cli.Selection.ALL, Cli.selectionFor("--no-color", "completion", "bash"));
        assertEquals(Cli.Selection.ALL, Cli.selectionFor("stauts"), "a mistyped command gets suggestions");
    }

    @Test
    void everyNameMapsToItsCommandClass() {
        for (String name : TruceCommand.COMMANDS) {
            assertEquals(name, TruceCommand.commandClass(name).getAnnotation(Command.class).name());
        }
        assertNull(TruceCommand.commandClass("stauts"));
    }

    /** In a fresh class loader, as in a new JVM: --version loads no command class and none of the use cases. */
    @Test
    void versionLoadsNoCommandClass() throws Exception {
        Set<String> loaded = run("--version");
        assertTrue(loaded.contains("dev.truce.cli.VersionProvider"), "the recorder sees the version path");
        List<String> commands = TruceCommand.COMMANDS.stream().map(name -> TruceCommand.commandClass(name).getName()).toList();
        assertEquals(List.of(), loaded.stream().filter(commands::contains).sorted().toList());
        assertEquals(List.of(), loaded.stream().filter(name -> name.startsWith("dev.truce.")
                && (name.startsWith("dev.truce.domain.") || name.startsWith("dev.truce.yaml.")
                        || name.startsWith("dev.truce.config."))).sorted().toList());
    }

    /** The classes a fresh loader is asked for while truce runs {@code args}. */
    private static Set<String> run(String... args) throws Exception {
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        URL[] classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (URLClassLoader fresh = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> context = fresh.loadClass("dev.truce.cli.Context");
            Object ctx = context.getConstructor(Clock.class, Map.class, Path.class)
                    .newInstance(Clock.systemUTC(), Map.of(), Path.of(""));
            Method run = fresh.loadClass("dev.truce.cli.Cli").getMethod("run", context, PrintWriter.class,
                    PrintWriter.class, String[].class);
            StringWriter err = new StringWriter();
            int code = (int) run.invoke(null, ctx, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
            assertEquals(0, code, err::toString);
        }
        return loaded;
    }
}
