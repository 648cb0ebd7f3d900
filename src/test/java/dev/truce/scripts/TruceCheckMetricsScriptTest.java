package dev.truce.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/truce-check-metrics, run by bash on real lines of `truce check`: the Prometheus text node_exporter's
 * textfile collector reads, written whole or not at all.
 */
class TruceCheckMetricsScriptTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run metrics(String stdin, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = Path.of("scripts/truce-check-metrics").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running");
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private String checkLine(String at, String... flags) throws IOException {
        TruceFixture.writeDefault(dir);
        String[] args = new String[flags.length + 1];
        args[0] = "check";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return new CliRunner(dir).at(at).run(args).out();
    }

    @Test
    void everyPerformanceDataLabelBecomesAGaugeAndUnknownValuesAreLeftOut() throws Exception {
        // 2026-06-23: us-tariff in 7 days (WARNING); no alert run here, so last_alert_age_h is U
        String line = checkLine(TruceFixture.WEEK_BEFORE);
        assertTrue(line.contains(" last_alert_age_h=U;"), line);
        Run run = metrics(line);
        assertEquals(0, run.code(), run::toString);
        assertEquals("""
                # HELP truce_check_state The state truce check reports: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
                # TYPE truce_check_state gauge
                truce_check_state 1
                # HELP truce_check_due_warning Obligations due within check's --warning days.
                # TYPE truce_check_due_warning gauge
                truce_check_due_warning 1
                # HELP truce_check_due_critical Obligations due within check's --critical days.
                # TYPE truce_check_due_critical gauge
                truce_check_due_critical 0
                # HELP truce_check_breached Obligations whose compliance state is breached.
                # TYPE truce_check_breached gauge
                truce_check_breached 0
                # HELP truce_check_unresolved Deadlines passed with no outcome recorded.
                # TYPE truce_check_unresolved gauge
                truce_check_unresolved 0
                # HELP truce_check_acked Acked obligations check counted as --acked-as.
                # TYPE truce_check_acked gauge
                truce_check_acked 0
                # HELP truce_check_next_due_days Days to the next deadline ahead.
                # TYPE truce_check_next_due_days gauge
                truce_check_next_due_days 7
                """, run.out());
    }

    @Test
    void theAgeOfTheLastAlertRunIsAGaugeOnceThereIsOne() throws Exception {
        Run run = metrics("TRUCE OK - no obligation due within 14 days | due_warning=0;0;;0;3 next_due_days=20;;;0; "
                + "last_alert_age_h=25.5;;26;0;\n");
        assertTrue(run.out().endsWith("""
                # HELP truce_check_last_alert_age_h Hours since the last successful alert run.
                # TYPE truce_check_last_alert_age_h gauge
                truce_check_last_alert_age_h 25.5
                """), run::toString);
        assertTrue(run.out().contains("\ntruce_check_state 0\n"), run::toString);
    }

    @Test
    void theTextfileIsReplacedWholeAndNotTouchedForInputThatIsNoCheckLine() throws Exception {
        Path prom = dir.resolve("truce.prom");
        Run unknown = metrics("TRUCE UNKNOWN - obligations.yaml: no such file\n", "--textfile", prom.toString());
        assertEquals(0, unknown.code(), unknown::toString);
        assertEquals("", unknown.out());
        assertEquals("""
                # HELP truce_check_state The state truce check reports: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
                # TYPE truce_check_state gauge
                truce_check_state 3
                """, Files.readString(prom));

        Run garbage = metrics("Exception in thread \"main\" java.lang.OutOfMemoryError\n", "--textfile", prom.toString());
        assertEquals(1, garbage.code(), garbage::toString);
        assertEquals("truce-check-metrics: the input is not a line of truce check; nothing written\n", garbage.err());
        assertTrue(Files.readString(prom).contains("truce_check_state 3\n"), "the last good metrics stay");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(), "no temporary left");
        }
        assertEquals(2, metrics("", "--textfile").code());
    }
}
