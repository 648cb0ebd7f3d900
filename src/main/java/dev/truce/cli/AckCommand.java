package dev.truce.cli;

import dev.truce.domain.Ack;
import dev.truce.app.AckService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `truce ack ID ...` and `truce ack list`. */
@Command(name = "ack", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = AckCommand.ListCommand.class,
        description = {
            "Silences an obligation's alerts; `ack list` shows every ack given.",
            "The ack holds through --until DATE (if given), and only while the obligation keeps its current "
                + "compliance state and deadline: news lifts it. Acks are never deleted: they are the audit trail.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce ack cn-rare-earth-licensing --by ana \\",
            "      --reason \"raised with MOFCOM\" --until 2026-12-15",
            "  truce ack list",
            "",
            "On a cluster machine (daemon.cluster in the file) acks go to the cluster's database, so they "
                + "silence the daemons' alerts too; --state DIR uses a local ledger instead.",
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

    @Option(names = "--by", paramLabel = "NAME", description = "Who acknowledges (required).")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required).")
    String reason;

    @Mixin
    LedgerOption ledger;

    @Override
    public Integer call() {
        // checked here rather than with required=true, which would also demand them of `truce ack list`
        if (id == null) {
            throw new ParameterException(spec.commandLine(), "Missing the obligation ID (or use: truce ack list)");
        }
        if (by == null || reason == null) {
            throw new ParameterException(spec.commandLine(), "--by NAME and --reason TEXT are required");
        }
        TruceCommand root = TruceCommand.root(spec);
        Ack ack = root.services().acks().ack(root.file(), root.context().clock(),
                new AckService.Request(id, until, by, reason), ledger.resolve(spec, root.context()), notices(spec));
        String silenced = until == null ? "until its compliance state (" + ack.state().label() + ") or deadline changes"
                : "through " + until + ", or until its compliance state (" + ack.state().label() + ") or deadline changes";
        spec.commandLine().getOut().println("acknowledged " + ack.obligationId() + " by " + Texts.oneLine(ack.by())
                + ": alerts silenced " + silenced);
        return ExitCode.OK.code();
    }

    static java.util.function.Consumer<String> notices(CommandSpec spec) {
        return line -> {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println("truce: " + line);
            err.flush();
        };
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every ack given, oldest first, and whether it still silences its obligation.",
            footerHeading = "%nExample:%n",
            footer = {"  truce ack list --state /srv/truce/.truce"})
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
            java.io.PrintWriter out = spec.commandLine().getOut();
            if (list.acks().isEmpty()) {
                out.println("No acks yet.");
                return ExitCode.OK.code();
            }
            TextTable table = new TextTable(List.of("acked", "obligation", "by", "until", "now", "reason"));
            for (AckService.AckLine line : list.acks()) {
                Ack ack = line.ack();
                table.add(List.of(cell(ack.ackedAt().atZone(list.zone()).format(AT)), cell(ack.obligationId()),
                        cell(ack.by()), cell(ack.untilDate() == null ? "a change" : ack.untilDate().toString()),
                        cell(line.liftedBy().map(why -> why.startsWith("expired") ? why : "lifted: " + why).orElse("in force")), cell(ack.reason())));
            }
            table.print(out);
            return ExitCode.OK.code();
        }

        private static TextTable.Cell cell(String text) {
            return TextTable.Cell.plain(Texts.oneLine(text));
        }
    }
}
