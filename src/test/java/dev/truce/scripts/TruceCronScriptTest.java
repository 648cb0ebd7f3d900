package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/truce-cron, run by bash from a copy of the checkout in a temporary directory. The user's real
 * crontab is never touched: `crontab` on the PATH is a stand-in keeping the table in a file, with the
 * two calls the script makes (-l, and - to replace it from stdin).
 */
@Tag("slow")
class TruceCronScriptTest {
    @TempDir
    Path tmp;

    private Path checkout;
    private Path table;
    private Path bin;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        checkout = tmp.resolve("srv/truce");
        Files.createDirectories(checkout.resolve("scripts"));
        Files.copy(Path.of("scripts/truce-cron"), checkout.resolve("scripts/truce-cron"));
        table = tmp.resolve("crontab.txt");
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path crontab = bin.resolve("crontab");
        Files.writeString(crontab, """
                #!/bin/sh
                case "$1" in
                  -l) [ -f "%1$s" ] || { echo "no crontab for $USER" >&2; exit 1; }; cat "%1$s" ;;
                  -) cat > "%1$s" ;;
                  *) exit 64 ;;
                esac
                """.formatted(table));
        Files.setPosixFilePermissions(crontab, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = checkout.resolve("scripts/truce-cron").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private String line() {
        return "0 7 * * 1-5  cd " + checkout + " && scripts/truce alert >> .truce/alert.log 2>&1";
    }

    @Test
    void printsTheLineWithTheRealPathAndInstallsNothing() throws Exception {
        Run run = run();
        assertEquals(new Run(0, line() + "\n", ""), run);
        assertTrue(Files.notExists(table));
    }

    @Test
    void installKeepsTheOtherEntriesAndIsIdempotent() throws Exception {
        Files.writeString(table, "MAILTO=desk@example.com\n30 6 * * * /usr/local/bin/backup\n");
        assertEquals(new Run(0, "truce-cron: installed: " + line() + "\n", ""), run("--install"));
        assertEquals(new Run(0, "truce-cron: already installed: " + line() + "\n", ""), run("--install"));
        assertEquals("MAILTO=desk@example.com\n30 6 * * * /usr/local/bin/backup\n" + line() + "\n",
                Files.readString(table));
        assertTrue(Files.isDirectory(checkout.resolve(".truce")), "the log's directory exists before cron first runs");
    }

    @Test
    void installIntoAnEmptyCrontab() throws Exception {
        assertEquals(0, run("--install").code());
        assertEquals(line() + "\n", Files.readString(table));
    }

    @Test
    void anUnknownOptionIsBadInput() throws Exception {
        Run run = run("--instal");
        assertEquals(2, run.code());
        assertEquals("truce-cron: unknown option '--instal' (expected --install or --help)\n", run.err());
    }
}
