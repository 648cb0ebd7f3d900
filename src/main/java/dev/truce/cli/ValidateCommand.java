package dev.truce.cli;

import dev.truce.app.StatusService;
import dev.truce.app.Validation;
import dev.truce.domain.Register;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the obligations file and the evidence and acks files it points at; prints every problem, "
                + "or OK.",
        footerHeading = "%nExample:%n",
        footer = {"  truce validate && git commit obligations.yaml evidence.yaml acks.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        Validation validation = root.services().status().validate(root.file());
        Register register = validation.file().register();
        spec.commandLine().getOut().println("OK: " + Texts.plural(register.obligations().size(), "obligation", "obligations")
                + ", " + (validation.evidenceExists()
                        ? Texts.plural(validation.evidenceEntries(), "evidence entry", "evidence entries")
                                + " (" + validation.evidenceLabel() + ")"
                        : "no evidence yet (" + validation.evidenceLabel() + " does not exist; truce evidence add creates it)")
                + (validation.ackEntries() > 0 ? ", " + Texts.plural(validation.ackEntries(), "ack entry", "ack entries")
                        + " (" + validation.acksLabel() + ")" : "")
                + ", truce ends " + validation.truceEndInForce().display(register.truce().zone()));
        validation.warnings().forEach(w -> spec.commandLine().getErr().println("truce: warning: " + Texts.oneLine(w)));
        spec.commandLine().getErr().flush();
        return ExitCode.OK.code();
    }
}
