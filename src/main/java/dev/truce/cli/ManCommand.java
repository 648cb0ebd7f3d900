package dev.truce.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "man", mixinStandardHelpOptions = true,
        description = "Prints the truce(1) manual page (roff), made from the same text as --help.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce man | man -l -",
            "  truce man > ~/.local/share/man/man1/truce.1 && man truce",
        })
final class ManCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String version = new VersionProvider().getVersion()[0];
        new ManPage(spec.commandLine().getOut()).write(spec.root().commandLine(), version);
        return ExitCode.OK.code();
    }
}
