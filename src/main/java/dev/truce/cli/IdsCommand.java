package dev.truce.cli;

import dev.truce.app.StatusService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The obligation ids of the file, one per line: what shell completion offers after `truce show`. */
@Command(name = "ids", hidden = true, mixinStandardHelpOptions = true,
        description = "Prints the obligation ids of the file, one per line (used by shell completion).",
        footerHeading = "%nExample:%n",
        footer = {"  truce ids | grep ^cn-"})
final class IdsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        PrintWriter out = spec.commandLine().getOut();
        StatusService service = root.services().status();
        service.load(root.file()).register().ids().forEach(out::println);
        return ExitCode.OK.code();
    }
}
