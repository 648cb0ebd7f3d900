package dev.truce.schedule;

import dev.truce.config.ClusterDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.app.AlertService;
import dev.truce.app.FileRef;
import dev.truce.testing.Mails;
import dev.truce.testing.OutcomeSequence;
import dev.truce.testing.TruceFixture;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.config.TruceFile;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one PostgreSQL with the real alert use case: Quartz's clustered store decides who
 * fires, the ledger and the notice memory live in the same database. After each fire the file gains
 * one new obligation due soon, so every fire has exactly one new thing to say; for a while the file
 * is broken, so the nodes have one notice between them to send.
 */
@Tag("slow")
class AlertClusterTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Clock AT_WEEK_BEFORE = Clock.fixed(Instant.parse(TruceFixture.WEEK_BEFORE), ZoneOffset.UTC);
    private static final DaemonSchedule EVERY_SECOND = DaemonSchedule.of("* * * ? * *", ZoneId.of("America/New_York"), "test");
    private static final Set<Integer> BROKEN_AFTER = Set.of(3, 4, 5);

    @TempDir
    Path dir;

    private final FireLog log = new FireLog(new PrintWriter(new StringWriter(), true), ZoneOffset.UTC);
    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void stop() {
        daemons.forEach(d -> d.shutdown(true));
    }

    /** The file as it stands after fire {@code n}: duties 1..n added, broken after fires 3 to 5. */
    private String fileAfter(int n) {
        StringBuilder yaml = new StringBuilder(TruceFixture.yaml(TruceFixture.plainSmtp() + "\n  port: "
                + MAIL.getSmtp().getPort(), "Suspend the tariff", ""));
        for (int k = 1; k <= n; k++) {
            yaml.append("""
                      - id: duty-%d
                        title: Duty number %d
                        party: CN
                        kind: other
                        due: 2026-06-25
                    """.formatted(k, k));
        }
        String text = yaml.toString();
        return BROKEN_AFTER.contains(n) ? text.replace("days: 300", "days: many") : text;
    }

    private Daemon node(ClusterDatabase database, String id, FireWatch watch) throws Exception {
        return node(database, id, watch, AT_WEEK_BEFORE);
    }

    private Daemon node(ClusterDatabase database, String id, FireWatch watch, Clock clock) throws Exception {
        FileRef file = new FileRef(dir.resolve("obligations.yaml"), "obligations.yaml");
        dev.truce.app.TruceFiles files = dev.truce.app.TruceFiles.plain();
        TruceFile initial = files.obligations(file);
        AlertService alerts = new AlertService(files, Map.of());
        AlertFire fire = new AlertFire(dev.truce.app.DaemonAlerts.of(alerts, files, file, initial,
                initial.stateDirectory(), Optional.of(database), Map.of(), clock, notice -> { }));
        Daemon daemon = Daemon.create(DaemonConfig.clustered(EVERY_SECOND, database, id)
                .withCheckinInterval(Duration.ofSeconds(1)).withIdleWait(Duration.ofSeconds(1)), fire, log, Clock.systemUTC());
        daemons.add(daemon);
        daemon.scheduler().getListenerManager().addJobListener(watch);
        return daemon;
    }

    @Test
    void everyFireRunsOnceAcrossTheNodesAndEveryAlertArrivesOnce() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        TruceFixture.write(dir, fileAfter(0));
        FireWatch watch = new FireWatch().afterEachFire(n -> TruceFixture.write(dir, fileAfter(n)));
        Daemon a = node(database, "node-a", watch);
        Daemon b = node(database, "node-b", watch);
        a.start();
        b.start();

        List<FireWatch.Fire> fires = watch.next(8, WAIT);
        a.shutdown(true);
        List<FireWatch.Fire> afterStop = watch.next(3, WAIT);
        afterStop.addAll(watch.drain());
        fires.addAll(afterStop);
        b.shutdown(true);

        assertEquals(Set.of("node-b"), afterStop.stream().map(FireWatch.Fire::instanceId).collect(Collectors.toSet()));
        assertEquals(fires.size(), fires.stream().map(FireWatch.Fire::scheduledFor).distinct().count(),
                "a scheduled time ran on both nodes: " + fires);
        MimeMessage[] received = MAIL.getReceivedMessages();
        // fire 1: the three digests of the fixture; fires 2 and 3 and 7: the duties added before them;
        // fires 4-6: one notice between the nodes; the last fire's duty is not sent yet
        for (int k = 1; k < fires.size(); k++) {
            String duty = "duty-" + k + ": ";
            assertEquals(1, count(received, duty), duty + " in " + Mails.toAll(received));
        }
        assertEquals(1, count(received, "is invalid"), "invalid-file notices");
        assertEquals(2, count(received, "us-tariff: "), "us-tariff goes to the desk and its owner, once each");
        assertEquals(2, count(received, "cn-licences: "), "cn-licences goes to the desk and licences@, once each");
        assertEquals(List.of("desk@example.com"), Arrays.stream(received)
                .filter(m -> Mails.text(m).contains("duty-")).map(Mails::to).distinct().toList());
    }

    /**
     * The days after a deadline, one fire per day on whichever node Quartz picks: the unresolved mail once, the
     * weekly reminder once, the outcome notice once, nothing else, though both nodes share the work.
     */
    @Test
    void afterADeadlineEachNoticeGoesOutOnceAcrossTheNodes() throws Exception {
        ClusterDatabase database = Postgres.freshDatabase();
        List<OutcomeSequence.Step> steps = OutcomeSequence.STEPS;
        String smtp = TruceFixture.plainSmtp() + "\n  port: " + MAIL.getSmtp().getPort();
        AtomicReference<Instant> today = new AtomicReference<>(steps.get(0).at());
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return today.get();
            }
        };
        int[] mailsAfterFire = new int[steps.size() + 1];
        TruceFixture.write(dir, OutcomeSequence.file(smtp, steps.get(0).outcomeRecorded()));
        FireWatch watch = new FireWatch().afterEachFire(n -> {
            mailsAfterFire[n] = MAIL.getReceivedMessages().length;
            if (n < steps.size()) {
                today.set(steps.get(n).at());
                TruceFixture.write(dir, OutcomeSequence.file(smtp, steps.get(n).outcomeRecorded()));
            }
        });
        Daemon a = node(database, "node-a", watch, clock);
        Daemon b = node(database, "node-b", watch, clock);
        a.start();
        b.start();
        List<FireWatch.Fire> fires = watch.next(steps.size(), WAIT);
        a.shutdown(true);
        b.shutdown(true);

        MimeMessage[] received = MAIL.getReceivedMessages();
        for (int k = 1; k <= steps.size(); k++) {
            OutcomeSequence.Step step = steps.get(k - 1);
            int sent = mailsAfterFire[k] - mailsAfterFire[k - 1];
            assertEquals(step.mailSays() == null ? 0 : 1, sent, "fire " + k + " at " + step.at() + " by " + fires.get(k - 1));
            if (step.mailSays() != null) {
                String text = Mails.text(received[mailsAfterFire[k] - 1]);
                assertTrue(text.contains(step.mailSays()), step.at() + ":\n" + text);
            }
        }
        assertEquals(4, received.length);
    }

    private static long count(MimeMessage[] messages, String text) {
        return Arrays.stream(messages).filter(m -> Mails.text(m).contains(text)).count();
    }
}
