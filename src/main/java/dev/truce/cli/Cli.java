package dev.truce.cli;

import dev.truce.domain.TruceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The one place picocli is configured: handlers, exit codes, writers. Tests call {@link #run}. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine create(Context context, PrintWriter out, PrintWriter err) {
        TruceCommand root = new TruceCommand(context);
        CommandLine commandLine = new CommandLine(root);
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

    /** Every command's -V/--version prints the version, not only the top command's. */
    private static void shareVersion(CommandLine commandLine, VersionProvider provider) {
        commandLine.getCommandSpec().versionProvider(provider);
        commandLine.getSubcommands().values().forEach(sub -> shareVersion(sub, provider));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(Context context, PrintWriter out, PrintWriter err, String... args) {
        int code = create(context, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
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
            te.lines().forEach(err::println);
            if (root.verbose() && te.getCause() != null) {
                te.getCause().printStackTrace(err);
            }
            return ExitCode.of(te.kind()).code();
        }
        err.println("truce: internal error: " + ex + (root.verbose() ? "" : " (run with --verbose for details)"));
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        return ExitCode.FAILURE.code();
    }
}
