package dev.truce.cli;

import dev.truce.app.Schemas;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {
            "Prints the JSON Schema of obligations.yaml, evidence.yaml or acks.yaml, for YAML editors.",
            "One JSON document (draft 2020-12). Editors use it to complete keys and flag mistakes as you "
                + "type; the shipped files name it on their first line:",
            "  # yaml-language-server: $schema=schema/obligations.schema.json",
            "The same schemas are in the repository's schema/ folder. All are written from the",
            "definitions truce reads the files with, so what the editor accepts, truce accepts.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  truce schema > obligations.schema.json", "  truce schema evidence > evidence.schema.json",
            "  truce schema acks > acks.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    /** Which file's schema; the names are what the user types. */
    enum Which { obligations, evidence, acks }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "obligations",
            description = "obligations (the default), evidence or acks.")
    Which which = Which.obligations;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(text(which));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    /** Written from the spec records the reader binds, so the schema and the reader cannot drift apart. */
    static String text(Which which) {
        return Schemas.text(switch (which) {
            case obligations -> Schemas.Of.OBLIGATIONS;
            case evidence -> Schemas.Of.EVIDENCE;
            case acks -> Schemas.Of.ACKS;
        });
    }
}
