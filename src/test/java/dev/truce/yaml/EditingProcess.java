package dev.truce.yaml;

import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.TruceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A separate JVM that records an extension the way `truce extend` does (lock, read, insert, replace), for the
 * process tests. Arguments: FILE ID UNTIL SOURCE [--pause]. It prints what it hears from the lock, one line
 * each ("waiting", "locked", "before-rename TEMP", "replaced"); with --pause it stops before the rename
 * until a line arrives on stdin, so a test can kill it there or let it go.
 */
final class EditingProcess {
    private EditingProcess() {
    }

    public static void main(String[] args) {
        boolean pause = args.length > 4 && args[4].equals("--pause");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        EditedFile.Listener listener = new EditedFile.Listener() {
            @Override
            public void waiting(Path lockFile) {
                say("waiting");
            }

            @Override
            public void locked() {
                say("locked");
            }

            @Override
            public void beforeRename(Path temp) {
                say("before-rename " + temp);
                if (pause) {
                    try {
                        in.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        Extension extension = new Extension(LocalDate.parse("2026-01-01"), Moment.parse(args[2]), args[3], null, false);
        try (EditedFile edited = EditedFile.lock(Path.of(args[0]), "obligations.yaml", listener)) {
            String text = new String(edited.bytes(), StandardCharsets.UTF_8);
            edited.replace(ObligationsEditor.of(text, "obligations.yaml").addExtension(args[1], extension).text()
                    .getBytes(StandardCharsets.UTF_8));
            say("replaced");
        } catch (TruceException e) {
            System.err.println(e.getMessage());
            System.exit(e.kind() == TruceException.Cause.BAD_INPUT ? 2 : 1);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
