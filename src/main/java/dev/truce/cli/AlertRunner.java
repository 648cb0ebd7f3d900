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
import picocli.CommandLine.Model.CommandSpec;

/** Runs `truce alert` and prints its outcome: stdout one line per recipient, stderr what failed. */
final class AlertRunner {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final TruceCommand root;
    private final LedgerChoice ledger;
    private final PrintWriter out;
    private final PrintWriter err;

    AlertRunner(CommandSpec spec, TruceCommand root, LedgerChoice ledger) {
        this.root = root;
        this.ledger = ledger;
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
    }

    int run(boolean dryRun, Path outDirectory, Integer timeoutSeconds, String history, boolean rebuildLedger) {
        Context context = root.context();
        if (rebuildLedger) {
            out.println(LedgerAccess.rebuild(Readers.obligations(context), root.file(), ledger, context.environment(),
                    context.clock(), this::notice));
            return ExitCode.OK.code();
        }
        AlertService service = new AlertService(Readers.obligations(context), Readers.evidence(context),
                context.environment());
        if (history != null) {
            String id = history.isEmpty() ? null : history;
            printHistory(service.history(root.file(), id, ledger, this::notice), id);
            return ExitCode.OK.code();
        }
        AlertOptions.Mode mode = dryRun ? AlertOptions.Mode.PRINT
                : outDirectory != null ? AlertOptions.Mode.WRITE : AlertOptions.Mode.SEND;
        AlertOptions options = new AlertOptions(mode,
                outDirectory == null ? null : context.workingDirectory().resolve(outDirectory), ledger.state(),
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), this::notice)
                .withCluster(ledger.cluster());
        AlertRunResult result = service.run(root.file(), context.clock(), options);
        print(result);
        return result.failed() ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }

    private void print(AlertRunResult result) {
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
            }
        }
        result.problems().forEach(problem -> err.println("truce alert: " + problem));
    }

    private void printHistory(HistoryReport report, String id) {
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
            case EXPIRED -> "expired " + key.deadline().atZone(report.zone()).format(SENT);
            case EXTENDED -> "extended to " + key.deadline().atZone(report.zone()).format(SENT);
            case COMPLIANCE -> "compliance " + key.announcedState();
            case RESOLVED -> "resolved";
            case STALE -> "evidence stale";
        };
    }

    private void notice(String line) {
        err.println("truce: " + line);
        err.flush();
    }
}
