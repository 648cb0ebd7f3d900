package dev.truce.cli;

import dev.truce.domain.TruceException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The one place picocli is configured: handlers, exit codes, writers. Tests call {@link #run}. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine create(Context context, PrintWriter out, PrintWriter err) {
        return create(context, out, err, TruceCommand.COMMANDS);
    }

    /**
     * The command line for {@code args}: with only the command they name, or every command when they name none.
     * Building picocli's model of all fourteen commands costs more than a whole `truce status` on the shipped
     * file (annotation reflection in a cold JVM): scripts/bench measures both ways, the second with
     * {@code -Dtruce.commands=all}, which registers every command as plain picocli would.
     */
    static CommandLine forArguments(Context context, PrintWriter out, PrintWriter err, String... args) {
        boolean all = "all".equals(System.getProperty("truce.commands"));
        CommandLine commandLine = create(context, out, err, all ? TruceCommand.COMMANDS : commandsFor(args));
        if (java.util.Arrays.asList(args).contains("--no-color") || TruceCommand.ansi(context) == Help.Ansi.OFF) {
            commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        }
        return commandLine;
    }

    private static CommandLine create(Context context, PrintWriter out, PrintWriter err, List<Class<?>> commands) {
        TruceCommand root = new TruceCommand(context);
        CommandLine commandLine = new CommandLine(root);
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
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

    /** Commands that describe the whole tree (the manual page, completion) need every command registered. */
    private static final Set<String> WHOLE_TREE = Set.of("man", "completion");

    /** The command the arguments name (the first word that is not a global flag or its value), alone. */
    static List<Class<?>> commandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-f") || arg.equals("--file")) {
                i++;
                continue;
            }
            if (arg.startsWith("-")) {
                continue;
            }
            if (WHOLE_TREE.contains(arg)) {
                return TruceCommand.COMMANDS;
            }
            for (Class<?> command : TruceCommand.COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(arg)) {
                    return List.of(command);
                }
            }
            return TruceCommand.COMMANDS;
        }
        return TruceCommand.COMMANDS;
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
