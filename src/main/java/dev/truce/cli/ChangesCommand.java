package dev.truce.cli;

import dev.truce.output.listing.ChangesPrinter;

import dev.truce.app.ChangesReport;
import dev.truce.app.Services;
import dev.truce.app.Since;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `truce changes`: what changed in the files since a date, a revision or the user's last run. */
@Command(name = "changes", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "What changed in obligations.yaml and its evidence file: obligations added or removed, deadlines "
                + "extended or corrected, outcomes recorded, titles and sources edited, evidence added or removed.",
            "In git, the versions committed since then are compared one after the other, then the working tree, so "
                + "each change names the commit that made it, its author and time; changes not committed yet say "
                + "so. Outside git, the files are compared with the copy kept in the state folder at each run.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce changes                     # since your last run, at first 24 hours",
            "  truce changes --since 2026-11-20  # the newest commit at that day's start",
            "  truce changes --since 7d          # or \"1 week ago\"; your bookmark stays",
            "  truce changes --since HEAD~3 --format json",
            "",
            "In a shallow clone (git clone --depth), what changed before its first commit is said to be not known "
                + "and the rest is listed (git fetch --unshallow brings the history).",
            "",
            "Exit codes: 0 listed (also when nothing changed, and in a shallow clone), 1 a file could not be read or "
                + "the git repository is damaged (a missing or corrupt object, a broken HEAD), 2 bad input (such as a "
                + "--since that is neither a date nor a revision).",
        })
final class ChangesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE|AGO|REV", converter = SinceConverter.class,
            description = "Compare with the files as committed at the newest commit at or before DATE (YYYY-MM-DD: the "
                    + "start of that day in the truce zone; or a date-time with offset), that long ago (7d, 2w, 24h, "
                    + "\"1 week ago\"), or at a git revision REV (HEAD~3, a tag, a short id). Default: your last run of "
                    + "truce changes, else the last 24 hours. Only a run without --since moves that bookmark.")
    Since since;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where truce remembers your last run (and, outside git, the copy of the files): default .truce "
                    + "beside the obligations file, or its state: key.")
    Path state;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        Services services = root.services();
        ChangesReport report = services.changes().changes(root.file(), since == null ? Since.LAST_RUN : since,
                state == null ? null : root.context().workingDirectory().resolve(state), root.context().userName().orElse("default"));
        PrintWriter err = spec.commandLine().getErr();
        report.notes().forEach(note -> err.println("truce changes: " + Texts.oneLine(note)));
        report.problems().forEach(problem -> err.println("truce changes: " + Texts.oneLine(problem)));
        new ChangesPrinter(spec.commandLine().getOut()).print(report, format.format());
        return ExitCode.OK.code();
    }
}
