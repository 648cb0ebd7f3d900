package dev.truce.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `truce alert`. Only parsing here; the run and its printing live in {@link AlertRunner}, so that building
 * the command line (which every command does) loads no mail, template or database class.
 */
@Command(name = "alert", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Emails each recipient one digest of what needs attention.",
            "Thresholds crossed, deadlines passed or extended, compliance changes and stale evidence; each alert "
                + "once per recipient, as the ledger records. Prints one line per recipient sent to, and nothing "
                + "when nothing was due.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce alert --dry-run      # print the emails; send and record nothing",
            "  truce alert --out outbox   # write them as .eml files instead",
            "  truce alert                # send (from cron: scripts/truce-cron)",
            "  truce alert --history us-reciprocal-suspension",
            "  truce alert --rebuild-ledger   # only after truce reported the ledger damaged",
            "",
            "SMTP settings come from alerts.smtp; $TRUCE_SMTP_HOST, _PORT, _SECURITY, _USERNAME, _FROM and _TIMEOUT "
                + "override them. The password comes only from $TRUCE_SMTP_PASSWORD or alerts.smtp.password_file.",
            "",
            "On a cluster machine (daemon.cluster in the file) the ledger is the cluster's database, shared "
                + "with the daemons: what a node sent is not sent again. --state DIR uses a local ledger instead.",
            "",
            "Exit codes: 0 ran (whether or not anything was due), 1 a send or ledger failure, 2 bad input.",
        })
final class AlertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Print the emails (headers and text) instead of sending; record nothing.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Write each email to DIR as an .eml file instead of sending; record nothing.")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "SMTP connect, read and write timeout (default: $TRUCE_SMTP_TIMEOUT, else 20).")
    Integer timeoutSeconds;

    @Option(names = "--history", arity = "0..1", paramLabel = "ID", fallbackValue = "",
            description = "List what was sent when (for one obligation if ID is given) instead of sending.")
    String history;

    @Option(names = "--rebuild-ledger", description = "Only for a ledger truce reports damaged: move its file aside "
            + "(kept as ledger.mv.db.broken-TIME) and start an empty ledger; sends nothing. A healthy ledger is left alone.")
    boolean rebuildLedger;

    @Mixin
    LedgerOption ledger;

    @Override
    public Integer call() {
        if (dryRun && out != null) {
            throw new ParameterException(spec.commandLine(), "--dry-run and --out: choose one");
        }
        if (history != null && (dryRun || out != null)) {
            throw new ParameterException(spec.commandLine(), "--history lists the ledger; it does not go with --dry-run or --out");
        }
        if (rebuildLedger && (history != null || dryRun || out != null)) {
            throw new ParameterException(spec.commandLine(), "--rebuild-ledger goes alone: not with --history, --dry-run or --out");
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout: expected a positive number of seconds");
        }
        return new AlertRunner(spec, TruceCommand.root(spec), ledger.resolve(spec, TruceCommand.root(spec).context()))
                .run(dryRun, out, timeoutSeconds, history, rebuildLedger);
    }
}
