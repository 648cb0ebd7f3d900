package dev.truce.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Prints a bash or zsh completion script, which also completes obligation ids.",
            "Commands and options, and after `truce show` the ids of the current file (-f FILE, "
                + "$TRUCE_FILE or ./obligations.yaml), read as you type.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  truce completion bash > ~/.local/share/bash-completion/completions/truce",
            "  echo 'source <(truce completion zsh)' >> ~/.zshrc",
        })
final class CompletionCommand implements Callable<Integer> {
    /** The shells the script is written for; picocli's script serves both, through bashcompinit in zsh. */
    enum Shell { bash, zsh }

    /**
     * Asks truce itself for the ids each time, from the file named with -f/--file on the command line
     * being completed, else what truce would read anyway. Index-free, so it runs the same in zsh.
     */
    static final String IDS_FUNCTION = """

            # Obligation ids for `truce show ID`, asked of truce each time so they follow the file:
            # the one named with -f/--file on the line being completed, else $TRUCE_FILE or ./obligations.yaml.
            function _truce_obligation_ids() {  # with --parties: the parties instead
              local word previous="" file_args=()
              for word in "${COMP_WORDS[@]}"; do
                case "$previous" in
                  -f|--file) file_args=(--file "${word/#\\~/$HOME}") ;;
                esac
                case "$word" in
                  --file=*) file_args=("--file=${word#--file=}") ;;
                esac
                previous="$word"
              done
              truce "${file_args[@]}" ids "$@" 2>/dev/null
            }
            """;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    static String script(picocli.CommandLine root) {
        String generated = AutoComplete.bash("truce", root);
        // ids and parties are letters, digits and dashes: plain word splitting is safe in bash and zsh
        String dynamic = replace(generated, ObligationIdCandidates.PLACEHOLDER, "( $(_truce_obligation_ids) )");
        dynamic = replace(dynamic, PartyCandidates.PLACEHOLDER, "( $(_truce_obligation_ids --parties) )");
        // a product list is a CSV file: offer those and the folders on the way to them, nothing else
        dynamic = replace(dynamic, CsvFileCandidates.PLACEHOLDER,
                "( $(compgen -d -- \"${curr_word}\"; compgen -f -X '!*.[cC][sS][vV]' -- \"${curr_word}\") )");
        int registration = dynamic.lastIndexOf("\ncomplete -F");
        return dynamic.substring(0, registration) + IDS_FUNCTION + dynamic.substring(registration);
    }

    private static String replace(String script, String placeholder, String with) {
        String quoted = "(\"" + placeholder + "\")";
        if (!script.contains(quoted)) {
            throw new IllegalStateException("picocli's completion script changed shape: no " + quoted);
        }
        return script.replace(quoted, with);
    }
}
