package dev.truce.cli;

import dev.truce.config.ReadSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * truce(1) in man(7) roff, written from the same picocli model as --help, so the two never disagree:
 * each command's synopsis, description, options and examples, then exit status, environment and files.
 */
final class ManPage {
    private final PrintWriter out;

    ManPage(PrintWriter out) {
        this.out = out;
    }

    void write(CommandLine root, String version) {
        CommandSpec spec = root.getCommandSpec();
        out.println(".TH TRUCE 1 \"\" \"" + escape(version) + "\" \"User Commands\"");
        out.println(".SH NAME");
        out.println("truce \\- tracks the obligations, deadlines and compliance evidence of a trade truce");
        out.println(".SH SYNOPSIS");
        out.println(".B truce");
        out.println("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]");
        out.println(".SH DESCRIPTION");
        paragraph(spec.usageMessage().description());
        out.println(".SH OPTIONS");
        options(spec);
        out.println(".SH COMMANDS");
        commands(root);
        out.println(".SH EXIT STATUS");
        for (ExitCode code : ExitCode.values()) {
            out.println(".TP");
            out.println(".B " + code.code());
            out.println(escape(code.meaning()));
        }
        out.println(".PP");
        out.println(escape("truce check uses the monitoring-plugin codes instead: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."));
        out.println(".SH ENVIRONMENT");
        definition(TruceCommand.FILE_VARIABLE, "The obligations file when no --file is given (default: ./obligations.yaml).");
        definition("NO_COLOR", "Set to anything: no colour in tables.");
        definition(ReadSettings.MAX_SIZE_VARIABLE, "The largest file truce reads, in MB (default 512).");
        definition("TRUCE_CACHE", "Set to off to parse the files afresh every time; to always to keep files under 2 KiB too.");
        definition("TRUCE_CACHE_DIR", "Where the parse cache lives (default $XDG_CACHE_HOME/truce, else ~/.cache/truce).");
        definition("TRUCE_SMTP_PASSWORD", "The SMTP password (else alerts.smtp.password_file); never written anywhere.");
        definition("TRUCE_SMTP_HOST, TRUCE_SMTP_PORT, TRUCE_SMTP_SECURITY, TRUCE_SMTP_USERNAME, TRUCE_SMTP_FROM",
                "Override alerts.smtp in obligations.yaml.");
        definition("TRUCE_SMTP_TIMEOUT", "Seconds to wait for the mail server to connect, read or write (default 20).");
        definition("TRUCE_SMTP_DEADLINE", "Seconds one delivery may take in all, however the server drips its reply "
                + "(default 120); then the connection is closed and the mail counts as not sent.");
        definition("TRUCE_DB_USER, TRUCE_DB_PASSWORD", "Credentials of the cluster database (truce daemon --cluster).");
        definition("TRUCE_JAVA_OPTS", "JVM options for scripts/truce (default: a small serial-GC heap).");
        definition("LOGNAME, USER", "Who runs truce (LOGNAME first, then USER, then the account's name): who records "
                + "evidence or an ack when evidence add or ack has no --by, whose last truce changes run is remembered, and who --mine is "
                + "when TRUCE_OWNER is not set.");
        definition("TRUCE_OWNER", "Your name or address as owners are written in the file, for status --mine.");
        definition(dev.truce.config.LogLocation.ALLOWED_DIRS_VARIABLE, "Folders, separated by ':', where an evidence_file "
                + "or acks_file outside the obligations file's folder may be; nothing else is read as evidence or acks.");
        definition("TERM", "dumb: no colour.");
        out.println(".SH FILES");
        definition("obligations.yaml", "The truce and its obligations, edited by hand; truce schema prints its JSON Schema.");
        definition("evidence.yaml", "Dated claims of compliance, beside obligations.yaml unless evidence_file says otherwise.");
        definition("acks.yaml", "The acks, appended one per line by truce ack and truce ack lift, beside obligations.yaml "
                + "unless acks_file says otherwise; committed, so every clone honours them (.gitattributes: merge=union).");
        definition(".truce/ledger.mv.db", "What was sent to whom (beside obligations.yaml unless state: or --state says "
                + "otherwise).");
        definition(".truce/daemon-last-run", "When the daemon last ran, for its catch-up after downtime.");
        definition(".truce/changes-last-run-USER", "When USER last ran truce changes, and the commit then: where the next "
                + "run starts.");
        definition(".truce/changes-snapshot-USER.json", "Outside git: a private copy of the files from USER's last truce "
                + "changes, to compare with.");
        definition(".truce/digest-snapshot.json", "A private copy of the files when the last digest was sent: the next "
                + "digest says what changed since.");
        definition(".truce/alert-last-success", "When an alert run last succeeded; truce check says CRITICAL when it is "
                + "older than --alert-max-age hours.");
        definition(".truce/calendar.properties", "The calendar as last emitted, so SEQUENCE rises when a deadline moves.");
        definition(".truce/refused-recipients.properties", "Addresses a mail server refused for good (5xx), not tried again "
                + "for 7 days.");
        definition(".truce/alert.log", "The log scripts/truce-cron --run keeps, with UTC times.");
        out.flush();
    }

    /** Every command and its subcommands (evidence add, ack list), depth first, as --help lists them. */
    private void commands(CommandLine parent) {
        for (Map.Entry<String, CommandLine> sub : parent.getSubcommands().entrySet()) {
            CommandSpec command = sub.getValue().getCommandSpec();
            if (!command.usageMessage().hidden()) {
                command(command);
                commands(sub.getValue());
            }
        }
    }

    private void command(CommandSpec command) {
        out.println(".SS \"" + escape(command.qualifiedName()) + "\"");
        Help help = new Help(command, Help.defaultColorScheme(Help.Ansi.OFF));
        out.println(".nf");
        out.println(escape(help.synopsis(0).strip()));
        out.println(".fi");
        paragraph(command.usageMessage().description());
        for (PositionalParamSpec positional : command.positionalParameters()) {
            out.println(".TP");
            out.println("\\fI" + escape(positional.paramLabel()) + "\\fR");
            out.println(escape(String.join(" ", positional.description())));
        }
        options(command);
        String[] footer = command.usageMessage().footer();
        if (footer.length > 0) {
            out.println(".PP");
            out.println(escape(command.usageMessage().footerHeading().replace("%n", "").strip()));
            out.println(".RS");
            out.println(".nf");
            for (String line : footer) {
                out.println(escape(line.replace("%n", "").strip()));
            }
            out.println(".fi");
            out.println(".RE");
        }
    }

    private void options(CommandSpec command) {
        for (OptionSpec option : command.options()) {
            // the global flags are listed once, under OPTIONS, not again under every command
            if (option.hidden() || option.usageHelp() || option.versionHelp() || option.inherited()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String name : option.names()) {
                names.add("\\fB" + escape(name) + "\\fR");
            }
            String label = option.typeInfo().isBoolean() ? "" : "=\\fI" + escape(option.paramLabel()) + "\\fR";
            out.println(".TP");
            out.println(String.join(", ", names) + label);
            out.println(escape(String.join(" ", option.description()).replace("${DEFAULT-VALUE}",
                    String.valueOf(option.defaultValue()))));
        }
    }

    private void paragraph(String[] lines) {
        out.println(".PP");
        for (String line : lines) {
            out.println(escape(line.replace("%n", "").strip()));
        }
    }

    private void definition(String term, String text) {
        out.println(".TP");
        out.println(".B " + escape(term));
        out.println(escape(text));
    }

    /** Backslashes and hyphens as roff wants them; a line may not start with a control character. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
