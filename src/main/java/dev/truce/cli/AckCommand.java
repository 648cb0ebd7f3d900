package dev.truce.cli;

import dev.truce.app.AckService;
import dev.truce.domain.Ack;
import dev.truce.domain.AckLift;
import dev.truce.output.listing.TextTable;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `truce ack ID ...`, `truce ack lift ID` and `truce ack list`. */
@Command(name = "ack", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = {AckCommand.LiftCommand.class, AckCommand.ListCommand.class},
        description = {
            "Silences an obligation's alerts; `ack lift` ends an ack, `ack list` shows every ack given.",
            "The ack holds through --until DATE (if given), and only while the obligation keeps its current "
                + "compliance state and deadline: news lifts it. Acks are appended to acks.yaml beside "
                + "obligations.yaml (or acks_file): commit it, and every clone, the cron host and the daemon "
                + "honour it. Acks are never deleted: they are the audit trail.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce ack cn-rare-earth-licensing --reason \"raised with MOFCOM\" \\",
            "      --until 2026-12-15",
            "  truce ack lift cn-rare-earth-licensing --reason \"MOFCOM answered\"",
            "  truce ack list",
            "",
            "Acks made by truce 0.2 and earlier lived in the alert ledger; the first ack, ack lift or ack list "
                + "carries them over into the acks file, once (--state DIR or --cluster URL says which ledger).",
        })
final class AckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", completionCandidates = ObligationIdCandidates.class,
            description = "The obligation's id (truce status lists them).")
    String id;

    @Option(names = "--until", paramLabel = "DATE", converter = DateConverter.class,
            description = "Silence through the end of this day in the truce's zone (YYYY-MM-DD). Default: until its "
                    + "compliance state or deadline changes.")
    LocalDate until;

    @Option(names = "--by", paramLabel = "NAME", converter = EvidenceConverters.NameConverter.class,
            description = "Who acknowledges, at most 200 characters (default: $LOGNAME, else the user name of this "
                    + "account).")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", converter = EvidenceConverters.TextConverter.class,
            description = "Why (required), at most 2,000 characters.")
    String reason;

    @Mixin
    LedgerOption ledger;

    @Override
    public Integer call() {
        // checked here rather than with required=true, which would also demand them of `truce ack list`
        if (id == null) {
            throw new ParameterException(spec.commandLine(), "Missing the obligation ID (or use: truce ack list)");
        }
        if (reason == null) {
            throw new ParameterException(spec.commandLine(), "--reason TEXT is required (say why; the acks are an "
                    + "audit trail)");
        }
        TruceCommand root = TruceCommand.root(spec);
        AckService.Written<Ack> written = root.services().acks().ack(root.file(), root.context().clock(),
                new AckService.Request(id, until, byOrDefault(root, by), reason), ledger.resolve(spec, root.context()),
                notices(spec), AppendLock.listener(root, spec.commandLine().getErr(), "truce ack"));
        Ack ack = written.entry();
        String silenced = until == null ? "until its compliance state (" + ack.state().label() + ") or deadline changes"
                : "through " + until + ", or until its compliance state (" + ack.state().label() + ") or deadline changes";
        PrintWriter out = spec.commandLine().getOut();
        out.println("acknowledged " + ack.obligationId() + " by " + Texts.oneLine(ack.by()) + ": alerts silenced " + silenced);
        out.println(recorded(written));
        return ExitCode.OK.code();
    }

    /** The name given, else the one `evidence add` would take: $LOGNAME, else the account's. */
    static String byOrDefault(TruceCommand root, String by) {
        return by != null ? by : root.context().userName().orElse(null);
    }

    static String recorded(AckService.Written<?> written) {
        return (written.created() ? "Created " : "Recorded in ") + written.fileLabel() + ": commit it, so that every "
                + "clone, the cron host and the daemon honour it";
    }

    static Consumer<String> notices(CommandSpec spec) {
        return line -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("truce: " + line);
            err.flush();
        };
    }

    @Command(name = "lift", sortOptions = false, mixinStandardHelpOptions = true,
            description = {"Ends the ack in force for an obligation, from now: its alerts resume.",
                "Appends a lift to the acks file; an ack given later holds again."},
            footerHeading = "%nExample:%n",
            footer = {"  truce ack lift cn-rare-earth-licensing --reason \"MOFCOM answered\""})
    static final class LiftCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", completionCandidates = ObligationIdCandidates.class,
                description = "The obligation's id.")
        String id;

        @Option(names = "--by", paramLabel = "NAME", converter = EvidenceConverters.NameConverter.class,
                description = "Who lifts it, at most 200 characters (default: $LOGNAME, else the user name of this "
                        + "account).")
        String by;

        @Option(names = "--reason", paramLabel = "TEXT", converter = EvidenceConverters.TextConverter.class,
                description = "Why (optional), at most 2,000 characters.")
        String reason;

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            TruceCommand root = TruceCommand.root(spec);
            AckService.Written<AckLift> written = root.services().acks().lift(root.file(), root.context().clock(),
                    new AckService.Lift(id, byOrDefault(root, by), reason), ledger.resolve(spec, root.context()),
                    notices(spec), AppendLock.listener(root, spec.commandLine().getErr(), "truce ack"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("lifted the ack of " + written.entry().obligationId() + " by "
                    + Texts.oneLine(written.entry().by()) + ": its alerts resume");
            out.println(recorded(written));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every ack given, oldest first, and whether it still silences its obligation.",
            footerHeading = "%nExample:%n",
            footer = {"  truce ack list"})
    static final class ListCommand implements Callable<Integer> {
        private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

        @Spec
        CommandSpec spec;

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            TruceCommand root = TruceCommand.root(spec);
            AckService.AckList list = root.services().acks().list(root.file(), root.context().clock(),
                    ledger.resolve(spec, root.context()), notices(spec));
            PrintWriter out = spec.commandLine().getOut();
            if (list.acks().isEmpty()) {
                out.println("No acks yet.");
                return ExitCode.OK.code();
            }
            TextTable table = new TextTable(List.of("acked", "obligation", "by", "until", "now", "reason"));
            for (AckService.AckLine line : list.acks()) {
                Ack ack = line.ack();
                table.add(List.of(cell(ack.ackedAt().atZone(list.zone()).format(AT)), cell(ack.obligationId()),
                        cell(ack.by()), cell(ack.untilDate() == null ? "a change" : ack.untilDate().toString()),
                        cell(line.liftedBy().map(why -> why.startsWith("expired") || why.startsWith("lifted")
                                || why.startsWith("not honoured") ? why : "lifted: " + why).orElse("in force")),
                        cell(ack.reason())));
            }
            table.print(out);
            return ExitCode.OK.code();
        }

        private static TextTable.Cell cell(String text) {
            return TextTable.Cell.plain(Texts.oneLine(text));
        }
    }
}
