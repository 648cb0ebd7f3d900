package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
        builder.environment().put("USER", "cronuser");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private String line() {
        return "0 7 * * *  cd " + checkout + " && scripts/truce-cron --run";
    }

    private String lines(String mailto) {
        return "# truce: alerts daily at 07:00; cron mails errors to MAILTO; log: " + checkout + "/.truce/alert.log\n"
                + "MAILTO=" + mailto + "\n" + line() + "\n";
    }

    @Test
    void printsTheLinesWithTheRealPathAndMailtoAndInstallsNothing() throws Exception {
        assertEquals(new Run(0, lines("ops@example.com"), ""), run("--mailto", "ops@example.com"));
        assertEquals(new Run(0, lines("cronuser"), ""), run());
        assertTrue(Files.notExists(table));
    }

    @Test
    void installKeepsTheOtherEntriesAndIsIdempotent() throws Exception {
        Files.writeString(table, "MAILTO=desk@example.com\n30 6 * * * /usr/local/bin/backup\n");
        assertEquals(new Run(0, "truce-cron: installed (mail to ops@example.com): " + line() + "\n", ""),
                run("--install", "--mailto", "ops@example.com"));
        assertEquals(new Run(0, "truce-cron: already installed: " + line() + "\n", ""), run("--install"));
        assertEquals("MAILTO=desk@example.com\n30 6 * * * /usr/local/bin/backup\n" + lines("ops@example.com"),
                Files.readString(table));
        assertTrue(Files.isDirectory(checkout.resolve(".truce")), "the log's directory exists before cron first runs");
    }

    @Test
    void installIntoAnEmptyCrontab() throws Exception {
        assertEquals(0, run("--install").code());
        assertEquals(lines("cronuser"), Files.readString(table));
    }

    /** The launcher stands in for truce: what the cron wrapper does with its output and exit code is under test. */
    private void launcherThatSays(String out, String err, int code) throws IOException {
        Path launcher = checkout.resolve("scripts/truce");
        Files.writeString(launcher, """
                #!/bin/sh
                [ "$1" = alert ] || exit 64
                printf '%s' '%s'
                printf '%s' '%s' >&2
                exit %d
                """.formatted("%s", out, "%s", err, code));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void runOnAFreshCloneLogsEverythingWithTimesAndPassesErrorsToCron() throws Exception {
        launcherThatSays("sent to desk@example.com: 1 obligation (us-tariff)\n",
                "truce: SMTP server refused: 550 no such user\n", 1);
        Run run = run("--run");
        assertEquals(1, run.code(), "cron sees the failure");
        assertEquals("", run.out(), "stdout goes to the log only");
        assertTrue(run.err().startsWith("truce: SMTP server refused: 550 no such user\n"), run.err());
        assertTrue(run.err().contains("truce-cron: truce alert exited 1 (log: " + checkout + "/.truce/alert.log)"), run.err());
        List<String> log = Files.readAllLines(checkout.resolve(".truce/alert.log"));
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ sent to desk@example.com: 1 obligation \\(us-tariff\\)"), log.get(0));
        assertTrue(log.get(1).endsWith("Z truce: SMTP server refused: 550 no such user"), log.get(1));
        assertTrue(log.get(2).endsWith("Z truce alert exited 1"), log.get(2));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(checkout.resolve(".truce"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(checkout.resolve(".truce/alert.log"))), "the log is the owner's only");
    }

    @Test
    void aQuietRunMailsNothing() throws Exception {
        launcherThatSays("", "", 0);
        assertEquals(new Run(0, "", ""), run("--run"));
        assertEquals(List.of(), Files.readAllLines(checkout.resolve(".truce/alert.log")));
    }

    @Test
    void anUnknownOptionIsBadInput() throws Exception {
        Run run = run("--instal");
        assertEquals(2, run.code());
        assertEquals("truce-cron: unknown option '--instal' (expected --install, --run, --mailto ADDRESS or --help)\n",
                run.err());
        assertEquals(2, run("--mailto", "a b").code());
    }
}
