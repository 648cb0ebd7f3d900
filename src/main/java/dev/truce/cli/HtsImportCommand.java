package dev.truce.cli;

import dev.truce.app.HtsService;
import dev.truce.app.RecordingService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Makes a USITC HTS export the schedule exposure reads: checks it, copies it beside "
                + "obligations.yaml under its own name, and sets hts_file and hts_effective there.",
            "obligations.yaml is edited as text (every other byte kept), read back and replaced atomically under its "
                    + "lock; --dry-run prints the diff and writes nothing. The parsed index goes to the state folder.",
            "The export is the JSON of hts.usitc.gov's Export (plain or gzipped), or a past revision's JSON from "
                    + "USITC's archive. It carries no name or date: the name comes from the file's name, the day "
                    + "from --effective."},
        footerHeading = "%nExamples:%n",
        footer = {"  truce hts import ~/Downloads/hts_2026_revision_10_json.json \\",
            "      --effective 2026-06-08",
            "  truce hts import hts_2026_rev_10.json.gz --effective 2026-06-08 --dry-run"})
final class HtsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The export: .json or .json.gz.")
    Path export;

    @Option(names = "--effective", required = true, paramLabel = "DATE", converter = RecordingOptions.DateConverter.class,
            description = "The day this revision took effect (USITC's release list gives it); exposure --as-of an "
                    + "earlier day warns that the rates in force then may differ.")
    LocalDate effective;

    @Option(names = "--dry-run", description = "Print the change to obligations.yaml as a unified diff; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        PrintWriter err = spec.commandLine().getErr();
        HtsService.Imported imported = root.services().hts().importExport(root.file(),
                root.context().workingDirectory().resolve(export), export.toString(), effective, dryRun,
                new RecordingService.Listener() {
                    @Override
                    public void waiting(Path lockFile) {
                        err.println("truce: waiting for another truce command writing the file to finish (lock "
                                + lockFile + ")");
                        err.flush();
                    }
                });
        PrintWriter out = spec.commandLine().getOut();
        out.print(imported.diff());
        String records = String.format(java.util.Locale.ROOT, "%,d", imported.records());
        out.println((imported.written() ? "Imported " : "Dry run, nothing written: would import ") + imported.revision()
                + " (" + records + " records, sha256 " + imported.sha256().substring(0, 12) + "…) as "
                + Texts.oneLine(imported.placed()) + " beside " + imported.fileLabel()
                + (imported.copied() ? "" : " (already there)") + ", in force from " + effective);
        if (imported.previous() != null && !imported.previous().equals(imported.placed())) {
            out.println("The previous export, " + Texts.oneLine(imported.previous()) + ", is no longer named; remove it "
                    + "when nothing needs it (git rm).");
        }
        if (imported.index() != null) {
            out.println("Index: " + imported.index());
        }
        return ExitCode.OK.code();
    }
}
