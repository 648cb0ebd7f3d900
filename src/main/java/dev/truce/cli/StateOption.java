package dev.truce.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --state: where the alert ledger lives, for the commands that use it. */
public final class StateOption {
    @Option(names = "--state", paramLabel = "DIR",
            description = "The directory of the alert ledger (default: .truce beside the obligations file, or its state: key).")
    Path directory;

    /** The directory relative to the working directory, or null for the file's own. */
    Path resolve(Context context) {
        return directory == null ? null : context.workingDirectory().resolve(directory);
    }
}
