package dev.truce.cli;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 2: one bad evidence entry never silences the rest. The second of three entries has an
 * unclosed quote (a YAML syntax error that swallows what follows it, were the file parsed only whole);
 * every command that shows or alerts goes on, compliance unknown for cn-licences only, and says so.
 */
class BrokenEvidenceTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String EVIDENCE = """
            - obligation: us-tariff
              date: 2026-06-01
              stance: complies
              claimant: US
              basis: act
              source: "Federal Register notice"
            - obligation: cn-licences
              date: 2026-06-02
              stance: breaches
              claimant: EU Chamber
              basis: data
              source: "an unclosed quote
            - obligation: us-tariff
              date: 2026-06-03
              stance: complies
              claimant: US
              basis: act
              source: "CBP guidance"
            """;
    private static final String WARNING = "evidence.yaml:12:11: YAML syntax error";

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() throws IOException {
        TruceFixture.writeDefault(dir);
        Files.writeString(dir.resolve("evidence.yaml"), EVIDENCE);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
    }

    @Test
    void alertSendsTheDeadlineDigestWithTheWarningOnStderrAndAtTheTopOfTheMail() throws Exception {
        CliRunner.Result run = truce.run("alert");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("sent to " + DESK + ": 2 obligations (us-tariff, cn-licences)"), run::toString);
        assertTrue(run.err().startsWith("truce alert: warning: " + WARNING), run::toString);
        assertTrue(run.err().contains("compliance unknown for cn-licences"), run::toString);

        MimeMessage desk = Mails.forRecipient(MAIL.getReceivedMessages(), DESK);
        String text = Mails.text(desk);
        int warning = text.indexOf("! " + WARNING);
        assertTrue(warning > 0 && warning < text.indexOf("1. us-tariff"), text);
        assertTrue(text.contains("Compliance:      complying"), text);   // us-tariff: its two entries still count
        assertTrue(text.contains("Compliance:      unknown"), text);     // cn-licences: its entry is broken
        assertTrue(Mails.html(desk).contains(WARNING), Mails.html(desk));
    }

    @Test
    void theShowingCommandsGoOnWithComplianceUnknownForTheBrokenObligationOnly() {
        CliRunner.Result status = truce.run("status", "--no-color");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.err().startsWith("truce: warning: " + WARNING), status::toString);
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("cn-licences") && l.contains(" unknown ")), status::toString);
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("us-tariff") && l.contains(" complying ")), status::toString);
        for (String[] command : new String[][] {{"show", "cn-licences"}, {"report"}, {"calendar"}}) {
            CliRunner.Result result = truce.run(command);
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.err().contains(WARNING), result::toString);
        }
        String briefing = truce.run("report").out();
        assertTrue(briefing.indexOf(WARNING) > 0 && briefing.indexOf(WARNING) < briefing.indexOf("<h2>Timeline"), briefing);
    }

    @Test
    void checkSaysWarningAndNamesTheFile() {
        CliRunner.Result check = truce.at("2026-01-05T12:00:00Z").run("check");
        assertEquals(1, check.exitCode(), check::toString);
        assertTrue(check.out().startsWith("TRUCE WARNING - "), check::toString);
        assertTrue(check.out().contains("evidence.yaml has problems: 1 problem; compliance unknown for cn-licences"),
                check::toString);
    }

    @Test
    void validateFailsWithThePlace() {
        CliRunner.Result validate = truce.run("validate");
        assertEquals(2, validate.exitCode(), validate::toString);
        assertEquals("", validate.out());
        assertTrue(validate.err().startsWith("truce validate: " + WARNING), validate::toString);
    }

    @Test
    void aMissingDanglingOrLoopingEvidenceFileIsAnErrorInValidate() throws IOException {
        Path obligations = dir.resolve("obligations.yaml");
        String named = Files.readString(obligations).replace("alerts:", "evidence_file: desk-evidence.yaml\nalerts:");
        Files.writeString(obligations, named);
        CliRunner.Result missing = truce.run("validate");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertEquals("truce validate: obligations.yaml:9:16: evidence_file: desk-evidence.yaml does not exist (create it with truce "
                + "evidence add, or correct evidence_file)\n", missing.err());

        Files.createSymbolicLink(dir.resolve("desk-evidence.yaml"), dir.resolve("gone.yaml"));
        CliRunner.Result dangling = truce.run("validate");
        assertEquals(2, dangling.exitCode(), dangling::toString);
        assertEquals("truce validate: obligations.yaml:9:16: evidence_file: desk-evidence.yaml is a link to a file that does not exist\n",
                dangling.err());

        Files.delete(dir.resolve("desk-evidence.yaml"));
        Files.createSymbolicLink(dir.resolve("desk-evidence.yaml"), dir.resolve("loop.yaml"));
        Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("desk-evidence.yaml"));
        CliRunner.Result looping = truce.run("validate");
        assertEquals(2, looping.exitCode(), looping::toString);
        assertTrue(looping.err().startsWith("truce validate: obligations.yaml:9:16: evidence_file: desk-evidence.yaml "), looping::toString);
        assertTrue(looping.err().contains("loops"), looping::toString);
        assertEquals("", missing.out() + dangling.out() + looping.out());
    }

    @Test
    void aBrokenObligationsFileStillStopsTheRun() throws IOException {
        Path obligations = dir.resolve("obligations.yaml");
        Files.writeString(obligations, Files.readString(obligations).replace("days: 300", "days: many"));
        for (String command : new String[] {"alert", "status", "validate"}) {
            CliRunner.Result result = truce.run(command);
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().startsWith("truce " + command + ": obligations.yaml:8:9: truce.days: "), result::toString);
        }
        assertEquals(0, MAIL.getReceivedMessages().length);
    }
}
