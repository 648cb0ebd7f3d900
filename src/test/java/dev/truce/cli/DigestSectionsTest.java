package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 1: a digest in three sections, action before information, through the real command line and a
 * real SMTP server. The file is made so that one digest has every kind of item: on 2026-06-16 a first run tells
 * desk@ of every deadline; by 2026-06-23 one deadline passed with no outcome, one is 3 days off, a breach was
 * claimed, a threshold further out was crossed, one deadline was extended, and a lapse was recorded for a
 * deadline desk@ had been told of.
 */
class DigestSectionsTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String FIRST_RUN = "2026-06-16T11:00:00Z";
    private static final String SECOND_RUN = "2026-06-23T11:00:00Z";

    @TempDir
    Path dir;

    private CliRunner truce;

    private static String file(boolean newsOfTheWeek) {
        return """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2026-01-01T00:01-05:00
                  timezone: America/New_York
                  days: 300
                alerts:
                  recipients: [desk@example.com]
                  smtp:
                    host: localhost
                    security: none
                    from: truce@example.com
                obligations:
                  - id: a-passed
                    title: Issue the licences
                    party: CN
                    kind: export-control
                    due: 2026-06-20
                  - id: b-soon
                    title: Publish the notice
                    party: US
                    kind: other
                    due: 2026-06-26
                  - id: d-extended
                    title: Keep the port fees suspended
                    party: CN
                    kind: suspended-countermeasure
                    due: 2026-06-25
                %s
                  - id: e-lapsed
                    title: Keep the 25%% duty on widgets suspended
                    party: US
                    kind: paused-tariff
                    due: 2026-06-15
                %s
                  - id: f-coming
                    title: Buy the soybeans
                    party: CN
                    kind: purchase
                    due: 2026-07-05
                  - id: g-breach
                    title: Keep the rare-earth licences flowing
                    party: CN
                    kind: export-control
                    due: 2026-12-31
                """.formatted(newsOfTheWeek ? """
                extensions:
                  - decided: 2026-06-22
                    until: 2026-09-30
                    source: Order 9""".indent(4).stripTrailing() : "", newsOfTheWeek ? """
                outcome:
                  result: lapsed
                  decided: 2026-06-16
                  duty: 25
                  source: Notice 12""".indent(4).stripTrailing() : "");
    }

    @BeforeEach
    void aFirstRunTellsDeskOfEveryDeadline() {
        TruceFixture.write(dir, file(false));
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort()));
        CliRunner.Result first = truce.at(FIRST_RUN).run("alert");
        assertEquals(0, first.exitCode(), first::toString);
    }

    private void theNewsOfTheWeek() throws IOException {
        TruceFixture.write(dir, file(true));
        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: g-breach
                  date: 2026-06-22
                  stance: breaches
                  claimant: EU Chamber
                  basis: report
                  source: Member survey, June
                """);
    }

    @Test
    void actionNeededComesFirstThenComingUpThenForInformation() throws Exception {
        theNewsOfTheWeek();
        CliRunner.Result run = truce.at(SECOND_RUN).run("alert");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("sent to desk@example.com: 6 obligations (b-soon, g-breach, a-passed, f-coming, d-extended, "
                + "e-lapsed)\n", run.out(), "the digest's order: by section, then soonest first");
        MimeMessage digest = Mails.lastTo(MAIL.getReceivedMessages(), TruceFixture.DESK);

        // the subject counts what needs a person first, each item once, and keeps the truce id plain in the header
        assertEquals("[truce] 1 needs an outcome · 1 breach claimed · 1 due in 3 days · 1 due in 12 days "
                + "· 1 extended · 1 outcome recorded (t-1)", Mails.subject(digest));
        assertTrue(digest.getHeader("Subject")[0].replaceAll("\r\n\\s", " ").endsWith(" (t-1)"),
                "a filter on the raw header finds the id: " + digest.getHeader("Subject")[0]);

        String text = Mails.text(digest).replace("\r\n", "\n");
        assertEquals(List.of("Action needed (3)", "Coming up (1)", "For information (2)"), headings(text));
        assertEquals(List.of("1. b-soon", "2. g-breach", "3. a-passed", "4. f-coming", "5. d-extended", "6. e-lapsed"),
                cards(text));
        assertTrue(text.contains("""
                Action needed (3)
                -----------------

                1. b-soon: Publish the notice
                   Party:           US (other)
                   Due:             through 2026-06-26 (until 2026-06-27 00:00 EDT)
                   Days left:       3 days left
                   Compliance:      no-evidence
                   Newest evidence: none recorded
                   What changed (last alert 2026-06-16 07:00 EDT):
                     - now within 3 days of the deadline
                """), text);
        assertTrue(text.contains("""
                   What changed (first alert):
                     - compliance: breach-alleged
                """), text);
        assertTrue(text.contains("""
                     - deadline passed at 2026-06-21 00:00 EDT, outcome not recorded: record it with truce outcome \
                """), text);
        assertTrue(text.contains("     - extended to 2026-09-30 (Order 9)\n"), text);

        // the outcome notice says what the lapse means, as `show` does, and nothing of days left or compliance
        String outcome = text.substring(text.indexOf("6. e-lapsed"), text.indexOf("\nChanged since the last digest"));
        assertTrue(outcome.startsWith("""
                6. e-lapsed: Keep the 25% duty on widgets suspended
                   Party:           US (paused-tariff)
                   Due:             through 2026-06-15 (until 2026-06-16 00:00 EDT)
                   Meaning:         it lapsed: the paused tariff applies again (duty 25%).
                   What changed (last alert 2026-06-16 07:00 EDT):
                     - outcome recorded: lapsed (Notice 12)
                """), outcome);
        assertFalse(outcome.contains("Days left") || outcome.contains("Compliance") || outcome.contains("evidence"),
                outcome);
        assertEquals(truce.at(SECOND_RUN).run("show", "e-lapsed").out().lines()
                        .filter(l -> l.startsWith("  meaning")).map(l -> l.replaceFirst("^  meaning\\s+", "")).toList(),
                List.of("it lapsed: the paused tariff applies again (duty 25%)."), "the sentence `show` prints");
    }

    @Test
    void eachSectionHasItsOwnColourAndEveryCardTheSameColumns() throws Exception {
        theNewsOfTheWeek();
        assertEquals(0, truce.at(SECOND_RUN).run("alert").exitCode());
        String html = Mails.html(Mails.lastTo(MAIL.getReceivedMessages(), TruceFixture.DESK));
        Matcher headings = Pattern.compile("border-left: 8px solid (#[0-9a-f]{6});[^>]*>([^<]+)</h2>").matcher(html);
        Map<String, String> colours = new TreeMap<>();
        List<String> order = new java.util.ArrayList<>();
        while (headings.find()) {
            colours.put(headings.group(2), headings.group(1));
            order.add(headings.group(2));
        }
        assertEquals(List.of("Action needed (3)", "Coming up (1)", "For information (2)"), order);
        assertEquals(3, Set.copyOf(colours.values()).size(), "three colours: " + colours);
        assertEquals("#c0392b", colours.get("Action needed (3)"));
        assertEquals("#e0a800", colours.get("Coming up (1)"));
        assertFalse(colours.get("For information (2)").equals("#e0a800"), "news is never amber");
        // each card carries its section's colour, and the same two columns
        List<String> cards = Pattern.compile("<table role=\"presentation\"[^>]*border-left: 4px solid (#[0-9a-f]{6})")
                .matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("#c0392b", "#c0392b", "#c0392b", "#e0a800", colours.get("For information (2)"),
                colours.get("For information (2)")), cards);
        assertEquals(6, Pattern.compile("table-layout: fixed;").matcher(html).results().count());
        assertEquals(6, Pattern.compile("<colgroup><col style=\"width: 140px;\"><col></colgroup>").matcher(html)
                .results().count());
        assertTrue(html.contains("<td style=\"width: 140px; color: #555; vertical-align: top;\">Meaning</td>"
                + "<td style=\"overflow-wrap: anywhere;\">it lapsed: the paused tariff applies again (duty 25%).</td>"),
                html);
    }

    /** `alert --dry-run --as-of` previews a digest of a day ahead and leaves the ledger and the state folder alone. */
    @Test
    void aPreviewOfADayAheadLeavesTheLedgerAndTheStateFolderByteForByte() throws Exception {
        Map<String, byte[]> before = stateFolder();
        assertTrue(before.containsKey("ledger.mv.db") && before.containsKey("alert-last-success"), before.keySet()::toString);
        int sent = MAIL.getReceivedMessages().length;

        CliRunner.Result preview = truce.at(FIRST_RUN).run("alert", "--dry-run", "--as-of", "2026-06-26");
        assertEquals(0, preview.exitCode(), preview::toString);
        // as of the start of 2026-06-26: d-extended (not extended in this file) passed at midnight, a-passed and
        // e-lapsed earlier; b-soon is due today; f-coming crossed its 14 days
        assertTrue(preview.out().contains("Subject: [truce] 3 need an outcome · 1 due today · 1 due in 9 days "
                + "(t-1)\n"), preview.out());
        assertTrue(preview.out().contains("Test truce: 3 need an outcome · 1 due today · 1 due in 9 days, as of "
                + "2026-06-26 00:00 EDT\n"), preview.out());
        assertTrue(preview.out().contains("\nAction needed (4)\n"), preview.out());
        CliRunner.Result eml = truce.at(FIRST_RUN).run("alert", "--out", "outbox", "--as-of", "2026-06-26T09:00-04:00");
        assertEquals(0, eml.exitCode(), eml::toString);

        assertEquals(sent, MAIL.getReceivedMessages().length, "nothing sent");
        Map<String, byte[]> after = stateFolder();
        assertEquals(before.keySet(), after.keySet(), "no file added to or taken from the state folder");
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));

        CliRunner.Result send = truce.at(FIRST_RUN).run("alert", "--as-of", "2026-06-26");
        assertEquals(2, send.exitCode(), "what is sent is sent now: " + send);
        assertTrue(send.err().contains("--as-of previews: it goes with --dry-run or --out"), send::toString);
    }

    private Map<String, byte[]> stateFolder() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir.resolve(".truce"))) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.resolve(".truce").relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static List<String> headings(String text) {
        return Pattern.compile("(?m)^(\\S.*)\\n-+$").matcher(text).results().map(m -> m.group(1)).toList();
    }

    private static List<String> cards(String text) {
        return Pattern.compile("(?m)^(\\d+\\. [a-z-]+):").matcher(text).results().map(m -> m.group(1)).toList();
    }
}
