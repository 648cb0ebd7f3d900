package dev.truce.cli;

import dev.truce.app.FileRef;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "truce",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Tracks the obligations of a trade truce (obligations.yaml), the evidence of compliance "
                + "(evidence.yaml), and emails the desk before deadlines.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce status --within 30",
            "  truce show us-reciprocal-suspension",
            "  truce changes --since 2026-11-20",
            "  truce evidence list --since 2025-06-01",
            "  truce extend --truce --until 2027-11-10T00:01-05:00 --source \"EO ...\"",
            "  truce report -o briefing.html",
            "  truce calendar -o truce.ics",
            "  truce check --warning 14 --critical 3",
            "  truce exposure --products products.csv",
            "  truce hts import hts_2026_revision_10_json.json --effective 2026-06-08",
            "  truce -f other/obligations.yaml validate",
            "  truce alert --dry-run",
            "  truce ack cn-rare-earth-licensing --by ana --reason \"raised with MOFCOM\"",
            "  truce daemon --run-now",
        })
public final class TruceCommand implements Runnable {
    /**
     * The commands' names, in the order --help lists them. Names, not classes: a class literal in a list loads
     * every command class with this one, and `truce --version` needs none of them. {@link Cli} registers only
     * the command named on the command line; building picocli's model of every command costs more than a whole
     * `truce status` on the shipped file.
     */
    static final java.util.List<String> COMMANDS = java.util.List.of(
            "status", "show", "changes", "validate", "extend", "outcome", "evidence", "alert", "ack", "daemon",
            "calendar", "report", "check", "exposure", "hts", "man", "schema", "completion", "ids");

    /** The class of the command {@code name}, or null; each class is loaded only when its name is asked for. */
    static Class<?> commandClass(String name) {
        return switch (name) {
            case "status" -> StatusCommand.class;
            case "show" -> ShowCommand.class;
            case "changes" -> ChangesCommand.class;
            case "validate" -> ValidateCommand.class;
            case "extend" -> ExtendCommand.class;
            case "outcome" -> OutcomeCommand.class;
            case "evidence" -> EvidenceCommand.class;
            case "alert" -> AlertCommand.class;
            case "ack" -> AckCommand.class;
            case "daemon" -> DaemonCommand.class;
            case "calendar" -> CalendarCommand.class;
            case "report" -> ReportCommand.class;
            case "check" -> CheckCommand.class;
            case "exposure" -> ExposureCommand.class;
            case "hts" -> HtsCommand.class;
            case "man" -> ManCommand.class;
            case "schema" -> SchemaCommand.class;
            case "completion" -> CompletionCommand.class;
            case "ids" -> IdsCommand.class;
            default -> null;
        };
    }

    public static final String FILE_VARIABLE = "TRUCE_FILE";

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    final Context context;

    public TruceCommand(Context context) {
        this.context = context;
    }

    /** `truce` alone: the usage, on stderr, as for any other incomplete command line. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed (see the list above)");
    }

    /** The root command of any command's spec, for the global flags and the context. */
    static TruceCommand root(CommandSpec spec) {
        return (TruceCommand) spec.root().userObject();
    }

    public Context context() {
        return context;
    }

    /** The use cases, configured from this run's clock and environment. */
    public dev.truce.app.Services services() {
        return new dev.truce.app.Services(context.clock(), context.environment(), TerminalProgress.of(context));
    }

    /** --file, else $TRUCE_FILE, else obligations.yaml in the working directory. */
    public FileRef file() {
        if (global.file != null && global.file.toString().isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-f/--file: the path is empty");
        }
        if (global.file != null) {
            return new FileRef(context.workingDirectory().resolve(global.file), global.file.toString());
        }
        String label = context.env(FILE_VARIABLE).orElse("obligations.yaml");
        return new FileRef(context.workingDirectory().resolve(Path.of(label)), label);
    }

    public boolean verbose() {
        return global.verbose;
    }

    /** The listings' colours: on only where {@link #ansi()} says so. */
    public dev.truce.output.listing.Styles styles() {
        return new dev.truce.output.listing.Styles(ansi() == Ansi.ON);
    }

    /** Colour only on a terminal, and never with --no-color, $NO_COLOR or TERM=dumb. */
    public Ansi ansi() {
        return global.noColor ? Ansi.OFF : ansi(context);
    }

    /** What the environment allows, before the flags are read (help is coloured before any command runs). */
    static Ansi ansi(Context context) {
        return ansi(context, System.console() != null);
    }

    static Ansi ansi(Context context, boolean terminal) {
        if (!terminal || context.env("NO_COLOR").isPresent() || context.env("TERM").filter("dumb"::equals).isPresent()) {
            return Ansi.OFF;
        }
        return Ansi.ON;
    }
}
