package dev.truce.cli;

import dev.truce.app.RefusedRecipients;
import dev.truce.app.StatusService;
import dev.truce.domain.DeadlineWatch;
import dev.truce.domain.TruceException;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "A monitoring-plugin check for Nagios, Icinga or Zabbix: one line, exit 0 to 3.",
            "The line has the state, a summary and performance data. CRITICAL when an obligation is "
                + "breached or falls due within the critical window; WARNING when a deadline passed with no "
                + "outcome recorded, the evidence file has problems, or one falls due "
                + "within the warning window.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce check --warning 14 --critical 3",
            "  truce check --unresolved-for 30   # passed deadlines over 30 days old page no one",
            "",
            "Output (one line; after '|' the performance data):",
            "  TRUCE WARNING - 2 obligations due within 14 days, next:",
            "  us-reciprocal-suspension in 9 days | due_warning=2;0;;0;27 ...",
            "",
            "Exit codes (the monitoring-plugin convention, not truce's usual ones):",
            "  0  OK",
            "  1  WARNING: an obligation is due within the warning window",
            "  1  WARNING: also a deadline passed with no outcome recorded, or a broken evidence entry",
            "  2  CRITICAL: due within the critical window, or breached",
            "  3  UNKNOWN: the file cannot be read or the flags are wrong; the line says why",
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--warning"}, paramLabel = "DAYS", defaultValue = "14",
            description = "WARNING when an obligation is due within DAYS days (default: ${DEFAULT-VALUE}).")
    int warningDays;

    @Option(names = {"-c", "--critical"}, paramLabel = "DAYS", defaultValue = "3",
            description = "CRITICAL when an obligation is due within DAYS days (default: ${DEFAULT-VALUE}).")
    int criticalDays;

    @Option(names = {"--unresolved-for", "--expired-for"}, paramLabel = "DAYS",
            description = "Count a deadline that passed with no outcome recorded (WARNING) only for DAYS days after "
                    + "it (default: until someone records its outcome in the file).")
    Integer unresolvedFor;

    @Option(names = "--acked-as", paramLabel = "STATE", defaultValue = "ok",
            description = "The most an acked obligation counts as: ok, warning or critical (default: ${DEFAULT-VALUE}). "
                    + "An ack is given with truce ack; it holds until its date or until the obligation changes.")
    String ackedAs;

    @Mixin
    AsOfOption asOf;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (criticalDays < 0 || warningDays < criticalDays) {
            return unknown(out, "--critical " + criticalDays + " and --warning " + warningDays
                    + ": need 0 <= critical <= warning days");
        }
        if (unresolvedFor != null && unresolvedFor < 0) {
            return unknown(out, "--unresolved-for " + unresolvedFor + ": need 0 or more days");
        }
        DeadlineWatch.Level ackedLevel;
        try {
            ackedLevel = DeadlineWatch.Level.valueOf(ackedAs.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return unknown(out, "--acked-as " + ackedAs + ": expected ok, warning or critical");
        }
        TruceCommand root = TruceCommand.root(spec);
        try {
            StatusService service = root.services().status();
            StatusService.Watch result = service.watch(root.file(), asOf.asOf(), warningDays, criticalDays,
                    unresolvedFor == null ? OptionalInt.empty() : OptionalInt.of(unresolvedFor), ackedLevel);
            DeadlineWatch watch = result.deadlines();
            PluginStatus level = PluginStatus.valueOf(watch.level().name());
            List<String> extra = new java.util.ArrayList<>();
            if (result.report().evidence().blocked() != null) {
                // evidence_file leads where truce must not read: alerts stop until it is fixed, as for a broken file
                return unknown(out, result.report().evidence().blocked());
            }
            if (!result.report().evidence().ok()) {
                // a broken evidence entry is worth a look, but the deadlines above are complete
                extra.add((result.report().evidence().label() + " has problems: " + result.report().evidence().summary())
                        .replace('|', '/'));
                level = level == PluginStatus.OK ? PluginStatus.WARNING : level;
            }
            for (RefusedRecipients.Refusal refusal : result.refused()) {
                // alerts to this address are not getting through: the deadlines are fine, the mail is not
                extra.add(("mail to " + refusal.recipient() + " refused by the server since "
                        + refusal.since().atZone(result.report().zone()).toLocalDate() + " (" + refusal.reply()
                        + "); next try after " + refusal.retryAfter().atZone(result.report().zone()).toLocalDate())
                        .replace('|', '/'));
                level = level == PluginStatus.OK ? PluginStatus.WARNING : level;
            }
            out.println(CheckLine.of(watch, level.name(), extra).replace("\n", " "));
            return level.code();
        } catch (TruceException e) {
            List<String> lines = e.lines();
            return unknown(out, lines.get(0) + (lines.size() > 1 ? " (and " + Texts.plural(lines.size() - 1, "more problem",
                    "more problems") + ": run truce validate)" : ""));
        } catch (RuntimeException e) {
            if (root.verbose()) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return unknown(out, "internal error: " + e);
        }
    }

    /** Bad flags are UNKNOWN too: a monitoring system must not read them as CRITICAL (2). */
    static int unknown(PrintWriter out, String reason) {
        out.println(CheckLine.unknown(reason));
        out.flush();
        return PluginStatus.UNKNOWN.code();
    }
}
