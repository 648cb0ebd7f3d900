package dev.truce.cli;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The digest says what changed in the files since the last digest was sent: not the first time, not when nothing did. */
class DigestChangesTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort()));
    }

    private String lastTextTo(String recipient) {
        return Mails.text(Mails.lastTo(MAIL.getReceivedMessages(), recipient));
    }

    private String lastHtmlTo(String recipient) {
        return Mails.html(Mails.lastTo(MAIL.getReceivedMessages(), recipient));
    }

    @Test
    void theNextDigestListsWhatChangedSinceTheLastOne() throws Exception {
        CliRunner.Result first = truce.at(WEEK_BEFORE).run("alert");
        assertEquals(0, first.exitCode(), first::toString);
        assertFalse(lastTextTo(DESK).contains("Changed since the last digest"), "nothing on the very first digest");
        Path copy = dir.resolve(".truce/digest-snapshot.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));

        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the whole tariff", ""));
        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: cn-licences
                  date: 2026-06-24
                  stance: breaches
                  claimant: "<b>EU</b> & co"
                  basis: report
                  source: "Survey\\nline two"
                """);
        CliRunner.Result second = truce.at("2026-06-27T11:00:00Z").run("alert");
        assertEquals(0, second.exitCode(), second::toString);
        String text = lastTextTo(DESK);
        assertTrue(text.contains("""
                Changed since the last digest (2026-06-23 07:00 EDT):\r
                  - us-tariff: title: Suspend the tariff → Suspend the whole tariff\r
                  - cn-licences: evidence added: 2026-06-24: <b>EU</b> & co says breaches (report), Survey\\nline two\r
                \r
                --\r
                """), text);
        String html = lastHtmlTo(DESK).replace("\r\n", "\n");
        assertTrue(html.contains("<strong>Changed since the last digest</strong>"), html);
        assertTrue(html.contains("<li>cn-licences: evidence added: 2026-06-24: &lt;b&gt;EU&lt;/b&gt; &amp; co says breaches "
                + "(report), Survey\nline two</li>"), html);

        // a digest due again, nothing changed since the last one: no section
        CliRunner.Result third = truce.at("2026-06-29T11:00:00Z").run("alert");
        assertEquals(0, third.exitCode(), third::toString);
        assertTrue(third.out().contains("sent to " + DESK), third::toString);
        assertFalse(lastTextTo(DESK).contains("Changed since the last digest"), lastTextTo(DESK));
    }

    @Test
    void aDryRunShowsTheSectionButKeepsNothing() throws Exception {
        truce.at(WEEK_BEFORE).run("alert");
        Path copy = dir.resolve(".truce/digest-snapshot.json");
        byte[] kept = Files.readAllBytes(copy);
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the whole tariff", ""));
        CliRunner.Result dry = truce.at("2026-06-27T11:00:00Z").run("alert", "--dry-run");
        assertTrue(dry.out().contains("  - us-tariff: title: Suspend the tariff → Suspend the whole tariff\n"), dry::toString);
        assertEquals(new String(kept), new String(Files.readAllBytes(copy)), "--dry-run records nothing");
    }
}
