package dev.truce.cli;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {
            "Prints the JSON Schema of obligations.yaml or evidence.yaml, for YAML editors.",
            "One JSON document (draft 2020-12). Editors use it to complete keys and flag mistakes as you "
                + "type; the shipped files name it on their first line:",
            "  # yaml-language-server: $schema=schema/obligations.schema.json",
            "The same schemas are in the repository's schema/ folder.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  truce schema > obligations.schema.json", "  truce schema evidence > evidence.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    /** Which file's schema; the names are what the user types. */
    enum Which { obligations, evidence }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "obligations",
            description = "obligations (the default) or evidence.")
    Which which = Which.obligations;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(text(which));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    static String text(Which which) {
        String resource = "/schema/" + which + ".schema.json";
        try (InputStream in = SchemaCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw TruceException.failure("this build of truce has no " + resource + " (a packaging fault)", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
