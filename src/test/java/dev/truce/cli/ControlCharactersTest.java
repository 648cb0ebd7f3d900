package dev.truce.cli;

import dev.truce.output.listing.Markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Phrases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 11: text from the files reaches a terminal, a chat (markdown) or an error message as text. A
 * title, owner, note or claimant written with YAML escapes (ESC, BEL, DEL, C1 CSI U+009B, the bidi override
 * U+202E, CR LF) must not clear the screen, recolour it, ring, or reorder what is shown: CR and LF show as \r
 * and \n, the rest as \\uXXXX, and no output has a control character but the line breaks between lines.
 */
class ControlCharactersTest {
    private static final String HOSTILE = "A\\e[2J\\e[31mB\\x9b31mC\\u202Eevil\\u202C\\aD\\x7fE\\r\\nF";
    private static final String SHOWN = "A\\u001B[2J\\u001B[31mB\\u009B31mC\\u202Eevil\\u202C\\u0007D\\u007FE\\r\\nF";
    /** Owner, claimant and source are one line (a line break in them is refused): they get the rest. */
    private static final String ONE_LINE = HOSTILE.replace("\\r\\n", "");
    private static final String SHOWN_ONE_LINE = SHOWN.replace("\\r\\n", "");

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), """
                version: 1
                truce:
                  id: t-1
                  title: "Truce %1$s"
                  parties: [US, CN]
                  effective: 2025-05-14T00:01-04:00
                  timezone: America/New_York
                  days: 90
                obligations:
                  - id: o-1
                    title: "Title %1$s"
                    party: US
                    kind: other
                    owner: "Owner %2$s"
                    note: "Note %1$s"
                """.formatted(HOSTILE, ONE_LINE));
        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: o-1
                  date: 2025-05-20
                  stance: complies
                  claimant: "Claimant %2$s"
                  basis: statement
                  source: "Source %2$s"
                  note: "Evidence note %1$s"
                """.formatted(HOSTILE, ONE_LINE));
        cli = new CliRunner(dir).at("2025-07-01T16:00:00Z");
    }

    /** Every character printed is text: no control character but the line breaks, no bidi control. */
    private static void assertInert(CliRunner.Result result) {
        String all = result.out() + result.err();
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            int at = i;
            assertTrue(c == '\n' || !Character.isISOControl(c) && !Phrases.isBidiControl(c),
                    () -> String.format("U+%04X at %d in%n%s", (int) c, at, result));
        }
    }

    @Test
    void theTerminalTableAndItsHeaderShowControlsEscaped() {
        CliRunner.Result status = cli.run("status", "--no-color");
        assertEquals(0, status.exitCode(), status::toString);
        assertInert(status);
        assertTrue(status.out().startsWith("Truce " + SHOWN + " (t-1)\n"), status::toString);
        assertTrue(status.out().contains("Owner " + SHOWN_ONE_LINE), status::toString);
    }

    @Test
    void showEscapesEveryField() {
        CliRunner.Result show = cli.run("show", "o-1", "--no-color");
        assertEquals(0, show.exitCode(), show::toString);
        assertInert(show);
        for (String field : new String[] {"Title " + SHOWN, "Note " + SHOWN, "Owner " + SHOWN_ONE_LINE,
            "Claimant " + SHOWN_ONE_LINE, "Source " + SHOWN_ONE_LINE, "Evidence note " + SHOWN}) {
            assertTrue(show.out().contains(field), () -> field + " not shown escaped:\n" + show);
        }
    }

    @Test
    void markdownAndEvidenceListEscapeToo() {
        CliRunner.Result markdown = cli.run("status", "--format", "markdown");
        assertEquals(0, markdown.exitCode(), markdown::toString);
        assertInert(markdown);
        assertTrue(markdown.out().contains("Title A\\\\u001B\\[2J"), markdown::toString);   // \ and [ escaped for Markdown
        CliRunner.Result list = cli.run("evidence", "list", "--no-color");
        assertInert(list);
        assertTrue(list.out().contains("Claimant " + SHOWN_ONE_LINE), list::toString);
    }

    /**
     * Issue 22 item 7: CSV is read with cat too. ESC, BEL, C1 and the bidi override are escaped as in the table;
     * the line break inside a quoted field is CSV's own and stays, as do tabs.
     */
    @Test
    void statusAndEvidenceCsvEscapeControlsButKeepTheirLineBreaks() throws Exception {
        CliRunner.Result status = cli.run("status", "--format", "csv");
        assertEquals(0, status.exitCode(), status::toString);
        String withoutRecordBreaks = status.out().replace("\r\n", "").replace("\\r\\n", "");
        assertInert(new CliRunner.Result(0, withoutRecordBreaks.replace("\r", "").replace("\n", ""), ""));
        java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180
                .parse(new java.io.StringReader(status.out())).getRecords();
        org.apache.commons.csv.CSVRecord row = rows.get(1);
        assertTrue(row.toList().contains("Title A\\u001B[2J\\u001B[31mB\\u009B31mC\\u202Eevil\\u202C\\u0007D\\u007FE\r\nF"),
                row::toString);
        CliRunner.Result evidence = cli.run("evidence", "list", "--format", "csv");
        assertEquals(0, evidence.exitCode(), evidence::toString);
        assertTrue(evidence.out().contains("Claimant " + SHOWN_ONE_LINE), evidence::toString);
        assertTrue(!evidence.out().contains("\u001b") && !evidence.out().contains("\u0007")
                && !evidence.out().contains("\u009b") && !evidence.out().contains("\u202e"), evidence::toString);
    }

    @Test
    void validationMessagesQuoteEscapedSnippets() throws IOException {
        Path obligations = dir.resolve("obligations.yaml");
        Files.writeString(obligations, Files.readString(obligations).replace("kind: other", "kind: \"other" + HOSTILE + "\"")
                .replace("owner: ", "\"bad\\e[2Jkey\": 1\n    owner: "));
        CliRunner.Result validate = cli.run("validate");
        assertEquals(2, validate.exitCode(), validate::toString);
        assertInert(validate);
        assertTrue(validate.err().contains("'other" + SHOWN.substring(0, 30)), validate::toString);
        assertTrue(validate.err().contains("'bad\\u001B[2Jkey' is not a key here"), validate::toString);
    }
}
