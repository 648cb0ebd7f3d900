package dev.truce.cli;

import dev.truce.alert.SentAlert;
import dev.truce.app.AlertOptions;
import dev.truce.app.AlertRunResult;
import dev.truce.app.AlertRunResult.Delivery;
import dev.truce.app.AlertService;
import dev.truce.app.HistoryReport;
import dev.truce.app.LedgerAccess;
import dev.truce.app.LedgerChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `truce alert`: one digest per recipient, or --dry-run, --out, --history. */
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
                + "override them. The password comes only from $TRUCE_SMTP_PASSWORD or alerts.smtp.password_file. "
                + "A delivery the server has not finished within $TRUCE_SMTP_DEADLINE seconds (default 120) is cut "
                + "off and counts as not sent.",
            "",
            "On a cluster machine (daemon.cluster in the file) the ledger is the cluster's database, shared "
                + "with the daemons: what a node sent is not sent again. --state DIR uses a local ledger instead.",
            "",
            "Exit codes: 0 ran (whether or not anything was due), 1 a send or ledger failure, 2 bad input.",
        })
final class AlertCommand implements Callable<Integer> {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Print the emails (headers and text) instead of sending; record nothing.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Write each email to DIR as an .eml file instead of sending; record nothing.")
    Path outDirectory;

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
        if (dryRun && outDirectory != null) {
            throw new ParameterException(spec.commandLine(), "--dry-run and --out: choose one");
        }
        if (history != null && (dryRun || outDirectory != null)) {
            throw new ParameterException(spec.commandLine(), "--history lists the ledger; it does not go with --dry-run or --out");
        }
        if (rebuildLedger && (history != null || dryRun || outDirectory != null)) {
            throw new ParameterException(spec.commandLine(), "--rebuild-ledger goes alone: not with --history, --dry-run or --out");
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout: expected a positive number of seconds");
        }
        TruceCommand root = TruceCommand.root(spec);
        LedgerChoice choice = ledger.resolve(spec, root.context());
        if (rebuildLedger) {
            spec.commandLine().getOut().println(LedgerAccess.rebuild(root.services().obligationsReader(), root.file(), choice,
                    root.context().environment(), root.context().clock(), this::notice));
            return ExitCode.OK.code();
        }
        AlertService service = root.services().alerts();
        if (history != null) {
            String id = history.isEmpty() ? null : history;
            printHistory(service.history(root.file(), id, choice, this::notice), id);
            return ExitCode.OK.code();
        }
        AlertOptions.Mode mode = dryRun ? AlertOptions.Mode.PRINT
                : outDirectory != null ? AlertOptions.Mode.WRITE : AlertOptions.Mode.SEND;
        AlertOptions options = new AlertOptions(mode,
                outDirectory == null ? null : root.context().workingDirectory().resolve(outDirectory), choice.state(),
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), this::notice)
                .withCluster(choice.cluster());
        AlertRunResult result = service.run(root.file(), root.context().clock(), options);
        print(result);
        return result.failed() ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }

    private void print(AlertRunResult result) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(warning -> err.println("truce alert: warning: " + warning));
        List<Delivery> deliveries = result.deliveries();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            String what = Texts.plural(d.obligationIds().size(), "obligation", "obligations")
                    + " (" + String.join(", ", d.obligationIds()) + ")";
            switch (d.outcome()) {
                case SENT -> out.println("sent to " + d.recipient() + ": " + what);
                case WRITTEN -> out.println("wrote " + d.detail() + ": " + what);
                case PRINTED -> {
                    if (i > 0) {
                        out.println();
                        out.println("-".repeat(72));
                    }
                    out.print(d.detail());
                }
                case FAILED -> err.println("truce alert: not sent to " + d.recipient() + ": " + d.detail()
                        + "; nothing recorded, the next run retries it");
                case REFUSED -> err.println("truce alert: not sent to " + d.recipient() + ": " + d.detail());
            }
        }
        result.problems().forEach(problem -> err.println("truce alert: " + problem));
    }

    private void printHistory(HistoryReport report, String id) {
        PrintWriter out = spec.commandLine().getOut();
        if (report.sent().isEmpty()) {
            out.println(id == null ? "No alerts sent yet." : "No alerts sent for " + id + " yet.");
            return;
        }
        TextTable table = new TextTable(List.of("sent", "recipient", "obligation", "alert", "message-id"));
        for (SentAlert sent : report.sent()) {
            table.add(List.of(TextTable.Cell.plain(sent.sentAt().atZone(report.zone()).format(SENT)),
                    TextTable.Cell.plain(sent.recipient()), TextTable.Cell.plain(sent.key().obligationId()),
                    TextTable.Cell.plain(alert(sent, report)), TextTable.Cell.plain(sent.messageId())));
        }
        table.print(out);
    }

    private static String alert(SentAlert sent, HistoryReport report) {
        var key = sent.key();
        return switch (key.kind()) {
            case THRESHOLD -> "threshold " + Texts.plural(key.threshold(), "day", "days");
            case EXPIRED -> "deadline passed " + key.deadline().atZone(report.zone()).format(SENT);
            case UNRESOLVED -> "reminder: outcome not recorded (" + key.detail() + ")";
            case OUTCOME -> "outcome recorded: " + key.detail();
            case EXTENDED -> "extended to " + key.deadline().atZone(report.zone()).format(SENT);
            case COMPLIANCE -> "compliance " + key.announcedState();
            case RESOLVED -> "resolved";
            case STALE -> "evidence stale";
            case REPORTED -> "reported (not enacted): to " + key.detail();
        };
    }

    private void notice(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("truce: " + line);
        err.flush();
    }

}
