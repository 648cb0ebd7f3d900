package dev.truce.cli;

import dev.truce.app.StatusService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The obligation ids (or the parties) of the file, one per line: what shell completion offers. */
@Command(name = "ids", hidden = true, mixinStandardHelpOptions = true,
        description = "Prints the obligation ids of the file, one per line (used by shell completion).",
        footerHeading = "%nExample:%n",
        footer = {"  truce ids | grep ^cn-"})
final class IdsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--parties", description = "The parties instead: truce.parties and joint.")
    boolean parties;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        PrintWriter out = spec.commandLine().getOut();
        StatusService service = root.services().status();
        var register = service.load(root.file()).register();
        if (parties) {
            register.truce().parties().forEach(out::println);
            out.println(dev.truce.domain.Obligation.JOINT);
        } else {
            register.ids().forEach(out::println);
        }
        return ExitCode.OK.code();
    }
}
