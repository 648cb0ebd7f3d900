package dev.truce.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `truce ack ID ...` and `truce ack list`; the work is in {@link AckRunner}. */
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

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The obligation's id (truce status lists them).")
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
        return new AckRunner(spec.commandLine().getOut(), root, ledger.resolve(spec, root.context())).ack(id, until, by, reason);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every ack given, oldest first, and whether it still silences its obligation.",
            footerHeading = "%nExample:%n",
            footer = {"  truce ack list --state /srv/truce/.truce"})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LedgerOption ledger;

        @Override
        public Integer call() {
            TruceCommand root = TruceCommand.root(spec);
            return new AckRunner(spec.commandLine().getOut(), root, ledger.resolve(spec, root.context())).list();
        }
    }
}
