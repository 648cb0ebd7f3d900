package dev.truce.schedule;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.LICENCES;
import static dev.truce.testing.TruceFixture.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.app.AlertService;
import dev.truce.app.FileRef;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.config.TruceFile;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with the real alert use case, ledger and SMTP (GreenMail). The alerts look at the world
 * through a fixed clock a week before a deadline. The daemon's own clock stands half an hour back, and
 * its misfire threshold is an hour: every second of the schedule since then is a late fire Quartz
 * replays in turn, so each next fire is due at once instead of at the next second of the wall clock.
 * The watch lets the daemon go one fire at a time; files are edited between fires from its listener,
 * which runs before the next fire may start.
 */
@Tag("slow")
class AlertDaemonTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Clock AT_WEEK_BEFORE = Clock.fixed(Instant.parse(TruceFixture.WEEK_BEFORE), ZoneOffset.UTC);
    private static final DaemonSchedule EVERY_SECOND = DaemonSchedule.of("* * * ? * *", ZoneId.of("America/New_York"), "test");
    private static final Clock HALF_AN_HOUR_BACK = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30));
    private static final String NEW_DUTY = """
              - id: new-duty
                title: Publish the new notice
                party: CN
                kind: other
                due: 2026-06-25
            """;

    @TempDir
    Path dir;

    private final StringWriter logText = new StringWriter();
    private final FireLog log = new FireLog(new PrintWriter(logText, true), ZoneOffset.UTC);
    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void stop() {
        daemons.forEach(d -> d.shutdown(true));
    }

    private static String smtpOn(int port) {
        return TruceFixture.plainSmtp() + "\n  port: " + port;
    }

    private String validFile(int smtpPort) {
        return TruceFixture.yaml(smtpOn(smtpPort), "Suspend the tariff", "");
    }

    private void write(String yaml) {
        TruceFixture.write(dir, yaml);
    }

    private Daemon start(DaemonConfig config, FireWatch watch) throws Exception {
        FileRef file = new FileRef(dir.resolve("obligations.yaml"), "obligations.yaml");
        dev.truce.app.TruceFiles files = dev.truce.app.TruceFiles.plain();
        TruceFile initial = files.obligations(file);
        AlertService alerts = new AlertService(files, Map.of());
        AlertFire fire = new AlertFire(dev.truce.app.DaemonAlerts.of(alerts, files, file, initial,
                initial.stateDirectory(), Optional.empty(), Map.of(), AT_WEEK_BEFORE, notice -> log.line(Instant.now(), notice)));
        Daemon daemon = Daemon.create(config, fire, log, HALF_AN_HOUR_BACK);
        daemons.add(daemon);
        watch.oneFireAtATime().attach(daemon);
        daemon.start();
        return daemon;
    }

    /** Every second since the daemon's clock, each due at once. */
    private DaemonConfig everySecond() {
        return DaemonConfig.local(EVERY_SECOND, dir.resolve(".truce")).withMisfireThreshold(Duration.ofHours(1));
    }

    private static List<String> recipients() {
        return Mails.toAll(MAIL.getReceivedMessages());
    }

    /** The received messages whose plain text contains {@code text}. */
    private static List<MimeMessage> mentioning(String text) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> Mails.text(m).contains(text)).toList();
    }

    private List<String> logLines() {
        return logText.toString().lines().toList();
    }

    @Test
    void aFireSendsTheDigestsAndTheNextFireSendsNothingNew() throws Exception {
        write(validFile(MAIL.getSmtp().getPort()));
        FireWatch watch = new FireWatch();
        start(everySecond(), watch);

        watch.next(WAIT);
        assertEquals(List.of(DESK, LICENCES, OWNER), recipients());
        watch.next(WAIT);
        assertEquals(3, MAIL.getReceivedMessages().length, "the second fire sent again");

        List<String> lines = logLines();
        assertTrue(lines.get(1).contains(" truce daemon: sent to " + DESK + ": 2 obligations (us-tariff, cn-licences); sent to "),
                lines.get(1));
        assertTrue(lines.get(1).endsWith(lines.get(1).substring(lines.get(1).indexOf("; next run "))), lines.get(1));
        assertTrue(lines.get(2).contains(" truce daemon: nothing new to send; next run "), lines.get(2));
    }

    @Test
    void anEditBetweenFiresIsSeenByTheNextFireWithoutARestart() throws Exception {
        write(validFile(MAIL.getSmtp().getPort()));
        FireWatch watch = new FireWatch().afterEachFire(n -> {
            if (n == 1) {
                write(validFile(MAIL.getSmtp().getPort()) + NEW_DUTY);
            }
        });
        start(everySecond(), watch);
        watch.next(2, WAIT);

        assertEquals(4, MAIL.getReceivedMessages().length, recipients().toString());
        List<MimeMessage> latest = mentioning("new-duty: Publish the new notice");
        assertEquals(List.of(DESK), latest.stream().map(Mails::to).toList());
        assertTrue(logLines().get(2).contains("sent to " + DESK + ": 1 obligation (new-duty)"), logLines().get(2));
    }

    @Test
    void anInvalidFileAtFireTimeIsReportedOnceThenTheFixedFileIsPickedUp() throws Exception {
        String valid = validFile(MAIL.getSmtp().getPort());
        String broken = valid.replace("days: 300", "days: many");
        write(valid);
        FireWatch watch = new FireWatch().afterEachFire(n -> {
            switch (n) {
                case 1 -> write(broken);
                case 3 -> write(valid + NEW_DUTY);   // fixed, with one more obligation
                case 4 -> write(broken);           // the same problem again, after a good run
                default -> { }
            }
        });
        start(everySecond(), watch);

        watch.next(2, WAIT);
        assertEquals(4, MAIL.getReceivedMessages().length, "3 digests and one notice");
        List<MimeMessage> notices = mentioning("is invalid");
        assertEquals(1, notices.size());
        MimeMessage notice = notices.get(0);
        assertEquals(DESK, Mails.to(notice));
        assertEquals("[truce] obligations.yaml is invalid: alerts are paused (t-1)", Mails.subject(notice));
        assertTrue(Mails.text(notice).contains("obligations.yaml:8:9: truce.days: "), Mails.text(notice));

        watch.next(WAIT);
        assertEquals(4, MAIL.getReceivedMessages().length, "told twice about the same problems");
        watch.next(WAIT);
        assertEquals(5, MAIL.getReceivedMessages().length, "the fixed file was not picked up");
        assertEquals(1, mentioning("new-duty").size());
        watch.next(WAIT);
        assertEquals(6, MAIL.getReceivedMessages().length, "a breakage after a good run is news again");

        List<String> lines = logLines();
        assertTrue(lines.get(2).startsWith("obligations.yaml:8:9: truce.days: "), lines.get(2));
        assertTrue(lines.get(3).contains(" truce daemon: obligations.yaml is invalid (1 problem), no alerts checked; told "
                + DESK + "; next run "), lines.get(3));
        assertTrue(lines.get(5).contains("; " + DESK + " already told about these problems; next run"), lines.get(5));
    }

    @Test
    void aFileTooBrokenToNameRecipientsIsReportedToTheLastGoodOnes() throws Exception {
        write(validFile(MAIL.getSmtp().getPort()));
        FireWatch watch = new FireWatch().afterEachFire(n -> {
            if (n == 1) {
                write("version: 1\nalerts: [unclosed\n");
            }
        });
        start(everySecond(), watch);
        watch.next(2, WAIT);

        List<MimeMessage> notices = mentioning("is invalid");
        assertEquals(List.of(DESK), notices.stream().map(Mails::to).toList());
    }

    @Test
    void whenTheMailServerIsDownNothingIsRecordedAndARetryFollowsAfterTheBackoff() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        write(validFile(closedPort));
        FireWatch watch = new FireWatch().afterEachFire(n -> {
            if (n == 1) {
                write(validFile(MAIL.getSmtp().getPort()));   // the server is back (at its new address)
            }
        });
        // only run-now and the retry fire; the retry, five minutes after the daemon's clock, is due at once
        DaemonSchedule newYear2099 = DaemonSchedule.of("0 0 7 1 1 ? 2099", ZoneId.of("America/New_York"), "test");
        start(DaemonConfig.local(newYear2099, dir.resolve(".truce")).withRunNow(true), watch);

        FireWatch.Fire failed = watch.next(WAIT);
        FireWatch.Fire retry = watch.next(WAIT);

        assertEquals("truce.now.run-now-local", failed.trigger());
        assertEquals("truce.retry.attempt-1", retry.trigger());
        assertEquals(List.of(DESK, LICENCES, OWNER), recipients(), "what failed was recorded as sent");
        String first = logLines().get(1);
        assertTrue(first.contains("cannot connect to the SMTP server localhost:" + closedPort), first);
        assertTrue(first.contains("; retry at "), first);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
