package dev.truce.cli;

import dev.truce.output.listing.CheckLine;

import dev.truce.app.AlertLiveness;
import dev.truce.app.AsOf;
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
        exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3,
        description = {
            "A monitoring-plugin check for Nagios, Icinga, Zabbix or any system that follows the monitoring-plugin "
                + "guidelines: one line on stdout, exit 0 to 3.",
            "The line has the state, a summary and performance data. CRITICAL pages for what an operator can act on: "
                + "an obligation falls due within the critical window, or alerts stopped (no successful alert run "
                + "for --alert-max-age hours). WARNING when a deadline passed with no outcome recorded, one falls due "
                + "within the warning window, an obligation is breached (--breached-as), the evidence file has "
                + "problems, the mail server refuses an address, or no successful alert run is recorded yet (or its "
                + "record cannot be read). An acked obligation counts as --acked-as.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce check --warning 14 --critical 3",
            "  truce check --unresolved-for 30   # count a passed deadline for 30 days only",
            "  truce check --breached-as critical  # a breach pages, as it used to",
            "  truce check --acked-as warning    # an ack lowers an obligation to WARNING",
            "  truce check --alert-max-age 0     # a host that sends no alerts",
            "",
            "Output (one line; after '|' the performance data):",
            "  TRUCE WARNING - 2 obligations due within 14 days, next:",
            "  cn-general-licences in 9 days | due_warning=2;0;;0;37 ...",
            "",
            "Performance data: due_warning, due_critical, breached, unresolved, acked",
            "(counts, with the thresholds that raise them), next_due_days and",
            "last_alert_age_h (hours since the last successful alert run; U when not",
            "known).",
            "",
            "Exit codes (the monitoring-plugin convention, not truce's usual ones):",
            "  0  OK",
            "  1  WARNING: due within the warning window, a deadline passed with no outcome",
            "     recorded, a breach, a broken evidence entry, a refused address, or no",
            "     alert run recorded (or its record unreadable)",
            "  2  CRITICAL: due within the critical window, or alerts stopped",
            "  3  UNKNOWN: the file cannot be read, the flags are wrong or --timeout passed;",
            "     the line says why. --help and --version exit 3 too, as the guidelines ask.",
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

    @Option(names = "--breached-as", paramLabel = "STATE", defaultValue = "warning",
            description = "What a breached obligation counts as: ok, warning or critical (default: ${DEFAULT-VALUE}). "
                    + "A breach is the counterparty's doing: by default it is a WARNING, not a page.")
    String breachedAs;

    @Option(names = "--alert-max-age", paramLabel = "HOURS", defaultValue = "26",
            description = "CRITICAL when the last successful alert run (cron's truce alert or the daemon; a run with "
                    + "nothing to send counts) is older than HOURS (default: ${DEFAULT-VALUE}: a daily run plus "
                    + "slack); WARNING when none is recorded yet, or its record cannot be read. 0 turns this off.")
    int alertMaxAgeHours;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "30",
            description = "UNKNOWN when the check has no answer within SECONDS (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    StateOption state;

    @Mixin
    AsOfOption asOf;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (criticalDays < 0 || warningDays < criticalDays) {
            return unknown(out, "--critical " + criticalDays + " and --warning " + warningDays
                    + ": need 0 <= critical <= warning days");
        }
        if (alertMaxAgeHours < 0) {
            return unknown(out, "--alert-max-age " + alertMaxAgeHours + ": need 0 (off) or more hours");
        }
        if (unresolvedFor != null && unresolvedFor < 0) {
            return unknown(out, "--unresolved-for " + unresolvedFor + ": need 0 or more days");
        }
        java.util.Optional<DeadlineWatch.Level> ackedLevel = level(ackedAs);
        if (ackedLevel.isEmpty()) {
            return unknown(out, "--acked-as " + ackedAs + ": expected ok, warning or critical");
        }
        java.util.Optional<DeadlineWatch.Level> breachedLevel = level(breachedAs);
        if (breachedLevel.isEmpty()) {
            return unknown(out, "--breached-as " + breachedAs + ": expected ok, warning or critical");
        }
        if (timeoutSeconds <= 0) {
            return unknown(out, "--timeout " + timeoutSeconds + ": need 1 or more seconds");
        }
        // the guidelines' -t: a check stuck on a hung disk answers UNKNOWN in time instead of never
        java.io.StringWriter line = new java.io.StringWriter();
        java.util.concurrent.FutureTask<Integer> task = new java.util.concurrent.FutureTask<>(
                () -> measure(new PrintWriter(line, true), ackedLevel.get(), breachedLevel.get()));
        Thread worker = new Thread(task, "truce-check");
        worker.setDaemon(true);
        worker.start();
        try {
            int code = task.get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
            out.print(line);
            out.flush();
            return code;
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            return unknown(out, "no answer within " + timeoutSeconds + " seconds (--timeout): is the file's disk hanging?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(out, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return unknown(out, "internal error: " + e.getCause());
        }
    }

    private int measure(PrintWriter out, DeadlineWatch.Level ackedLevel, DeadlineWatch.Level breachedLevel) {
        TruceCommand root = TruceCommand.root(spec);
        try {
            StatusService service = root.services().status();
            java.nio.file.Path stateDirectory = state.resolve(root.context());
            if (stateDirectory != null) {
                service = service.withState(stateDirectory);
            }
            StatusService.Watch result = service.watch(root.file(), asOf.asOf(), warningDays, criticalDays,
                    unresolvedFor == null ? OptionalInt.empty() : OptionalInt.of(unresolvedFor), ackedLevel,
                    breachedLevel);
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
            AlertLiveness alerts = AlertLiveness.of(result.lastAlertSuccess(), root.context().clock().instant(),
                    alertMaxAgeHours, asOf.asOf() != AsOf.NOW, result.report().zone());
            level = worst(level, PluginStatus.valueOf(alerts.level().name()));
            out.println(CheckLine.of(watch, level.name(), alerts.said().stream().toList(), extra,
                    new CheckLine.AlertAge(alerts.age(), alertMaxAgeHours)).replace("\n", " "));
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

    private static java.util.Optional<DeadlineWatch.Level> level(String name) {
        try {
            return java.util.Optional.of(DeadlineWatch.Level.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static PluginStatus worst(PluginStatus a, PluginStatus b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Bad flags are UNKNOWN too: a monitoring system must not read them as CRITICAL (2). */
    static int unknown(PrintWriter out, String reason) {
        out.println(CheckLine.unknown(reason));
        out.flush();
        return PluginStatus.UNKNOWN.code();
    }
}
