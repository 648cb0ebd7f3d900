package dev.truce.cli;

import dev.truce.app.NewsItem;
import dev.truce.app.Recorded;
import dev.truce.domain.Moment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "extend", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Records one extension in obligations.yaml, for the truce and any number of obligations at once.",
            "The entries are inserted as text: every other byte of the file stays as it is. The result is checked and "
                    + "read back before it replaces the file; --dry-run prints the diff and writes nothing.",
            "--reported records an extension announced with no instrument seen: it is shown beside the deadline and "
                    + "never moves it."},
        footerHeading = "%nExamples:%n",
        footer = {"  truce extend --truce --due-at 2026-11-10T00:01-05:00 \\",
            "      --until 2027-11-10T00:01-05:00 --source \"EO 14400\" --dry-run",
            "  # the truce, and every measure on its own clock that ended with it",
            "  truce extend cn-ga-ge-sb-ban-suspension --until 2027-11-27 \\",
            "      --decided 2026-11-20 --source \"MOFCOM Announcement No. 80\"",
            "  truce extend --truce --reported --until 2027-01-10 \\",
            "      --decided 2026-09-23 --source \"US Treasury Secretary (NYT)\"",
            "  # announced on television, no instrument yet: shown, never moves it"})
final class ExtendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RecordingOptions options;

    @Option(names = "--until", required = true, paramLabel = "DATE|DATETIME", converter = AsOfOption.MomentConverter.class,
            description = "The new deadline: a date-time with offset as the instrument states it "
                    + "(2027-11-10T00:01-05:00), or a date (through the end of that day).")
    Moment until;

    @Option(names = "--reported", description = "Announced by an official, with no instrument seen yet: annotates the "
            + "deadline, never moves it.")
    boolean reported;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        Recorded recorded = root.services().recording().record(root.file(),
                new NewsItem.Extended(options.selectors(), until, options.decided, options.source, options.note,
                        reported, options.dryRun),
                options.listener(root, spec.commandLine().getErr()));
        RecordingOptions.print(spec.commandLine().getOut(), spec.commandLine().getErr(), recorded);
        return ExitCode.OK.code();
    }
}
