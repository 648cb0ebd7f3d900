package dev.truce.cli;

import dev.truce.domain.TruceException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The one place picocli is configured: handlers, exit codes, writers. Tests call {@link #run}. */
public final class Cli {
    private Cli() {
    }

    /** The command line with every command registered in full, as the manual page and completion need it. */
    public static CommandLine create(Context context, PrintWriter out, PrintWriter err) {
        return create(context, out, err, Selection.ALL);
    }

    /**
     * The command line for {@code args}, with only what they need registered: the command they name; every
     * command for the manual page and completion; for --help or no command, only the names and descriptions the
     * list of commands prints; for --version, none. Building picocli's model of every command costs more than a
     * whole `truce status` on the shipped file (annotation reflection in a cold JVM).
     */
    static CommandLine forArguments(Context context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = create(context, out, err, selectionFor(args));
        if (java.util.Arrays.asList(args).contains("--no-color") || TruceCommand.ansi(context) == Help.Ansi.OFF) {
            commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        }
        return commandLine;
    }

    /** The commands registered in full, and those registered only as a line of the list --help prints. */
    record Selection(List<String> full, List<String> listed) {
        static final Selection ALL = new Selection(TruceCommand.COMMANDS, List.of());
        static final Selection LIST = new Selection(List.of(), TruceCommand.COMMANDS);
        static final Selection NONE = new Selection(List.of(), List.of());
    }

    private static CommandLine create(Context context, PrintWriter out, PrintWriter err, Selection selection) {
        TruceCommand root = new TruceCommand(context);
        CommandLine commandLine = new CommandLine(root);
        for (String name : selection.full()) {
            commandLine.addSubcommand(TruceCommand.commandClass(name));
        }
        for (String name : selection.listed()) {
            Command command = TruceCommand.commandClass(name).getAnnotation(Command.class);
            if (!command.hidden()) {
                commandLine.addSubcommand(command.name(), new CommandLine(listedOnly(command)));
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Cli::badArguments);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> failed(ex, cl, root));
        commandLine.setExitCodeExceptionMapper(ex -> ExitCode.FAILURE.code());
        shareVersion(commandLine, new VersionProvider());
        String[] footer = commandLine.getCommandSpec().usageMessage().footer();
        String[] withCodes = java.util.Arrays.copyOf(footer, footer.length + 1);
        withCodes[footer.length] = ExitCode.helpSection();
        commandLine.getCommandSpec().usageMessage().footer(withCodes);
        return commandLine;
    }

    /**
     * A command as the top-level usage lists it: its names and the first line of its header or description,
     * read from its annotation without picocli's reflection over its options. The class is loaded, not run.
     */
    private static CommandSpec listedOnly(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description());
        return spec;
    }

    /** Commands that describe the whole tree (the manual page, completion) need every command registered. */
    private static final Set<String> WHOLE_TREE = Set.of("man", "completion");

    /** What {@code args} need registered (see {@link #forArguments}). */
    static Selection selectionFor(String... args) {
        String named = commandWord(args);
        if (named == null) {
            return asks(args, "--version", 'V') && !asks(args, "--help", 'h') ? Selection.NONE : Selection.LIST;
        }
        if (WHOLE_TREE.contains(named) || TruceCommand.commandClass(named) == null) {
            return Selection.ALL;   // an unknown word gets picocli's "did you mean" from every command
        }
        return new Selection(List.of(named), List.of());
    }

    /** The first word that is not a global flag or its value: the command, or null. */
    private static String commandWord(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (fileValueFollows(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** -f, --file, or a cluster of short flags ending in it (-vf): the next argument is the file. */
    private static boolean fileValueFollows(String arg) {
        return arg.equals("--file") || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('f') == arg.length() - 1);
    }

    /**
     * Whether a global flag is given, long or in a cluster of short ones (-hV), before the command. In a cluster,
     * what follows -f is its value (-vfV names the file V), and a trailing -f takes the next argument.
     */
    private static boolean asks(String[] args, String longName, char shortName) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(longName)) {
                return true;
            }
            if (arg.startsWith("-") && !arg.startsWith("--")) {
                int file = arg.indexOf('f');
                int flag = arg.indexOf(shortName);
                if (flag > 0 && (file < 0 || flag < file)) {
                    return true;
                }
            }
            if (fileValueFollows(arg)) {
                i++;
            }
        }
        return false;
    }

    /** Every command's -V/--version prints the version, not only the top command's. */
    private static void shareVersion(CommandLine commandLine, VersionProvider provider) {
        commandLine.getCommandSpec().versionProvider(provider);
        commandLine.getSubcommands().values().forEach(sub -> shareVersion(sub, provider));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(Context context, PrintWriter out, PrintWriter err, String... args) {
        if (undecodable(System.getProperty("sun.jnu.encoding"), args)) {
            err.println("truce: an argument has characters this Java could not decode: the locale's character set is "
                    + System.getProperty("sun.jnu.encoding") + " (LANG and LC_ALL unset or C, as under cron); nothing "
                    + "was done. Run truce through scripts/truce, which chooses a UTF-8 locale, or set LANG=C.UTF-8");
            err.flush();
            return ExitCode.BAD_INPUT.code();
        }
        int code = forArguments(context, out, err, args).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Whether Java turned bytes of an argument into U+FFFD because the locale's character set is not UTF-8 (Java 17
     * decodes arguments in it): "商务部" under LANG unset. Such text must not reach a file; in a UTF-8 locale the
     * character can only have been typed as such.
     */
    static boolean undecodable(String argumentCharset, String... args) {
        if (argumentCharset == null || argumentCharset.equalsIgnoreCase("UTF-8")) {
            return false;
        }
        return java.util.Arrays.stream(args).anyMatch(arg -> arg.indexOf('\uFFFD') >= 0);
    }

    private static int badArguments(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        if (cl.getCommand() instanceof CheckCommand) {
            return CheckCommand.unknown(cl.getOut(), cl.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        }
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        }
        return ExitCode.BAD_INPUT.code();
    }

    private static int failed(Exception ex, CommandLine cl, TruceCommand root) {
        PrintWriter err = cl.getErr();
        if (ex instanceof TruceException te) {
            // every error names the command it came from, as picocli's own do: grep-able in cron mail and logs
            String command = cl.getCommandSpec().qualifiedName() + ": ";
            te.lines().forEach(line -> err.println(line.startsWith(command) ? line : command + line));
            if (root.verbose() && te.getCause() != null) {
                te.getCause().printStackTrace(err);
            }
            return ExitCode.of(te.kind()).code();
        }
        err.println(cl.getCommandSpec().qualifiedName() + ": internal error: " + ex
                + (root.verbose() ? "" : " (run with --verbose for details)"));
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        return ExitCode.FAILURE.code();
    }
}
