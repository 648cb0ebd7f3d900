package dev.truce.cli;

import dev.truce.app.StatusService;
import dev.truce.domain.Register;
import dev.truce.yaml.TruceFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the obligations file and prints every problem, or OK.",
        footerHeading = "%nExample:%n",
        footer = {"  truce validate && git commit obligations.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        TruceFile file = new StatusService(Readers.obligations(root.context()), root.context().clock()).load(root.file());
        Register register = file.register();
        spec.commandLine().getOut().println("OK: " + Texts.plural(register.obligations().size(), "obligation", "obligations")
                + ", truce ends " + register.truce().endChain().latest().display(register.truce().zone()));
        return ExitCode.OK.code();
    }
}
