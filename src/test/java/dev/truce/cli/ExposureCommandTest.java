package dev.truce.cli;

import dev.truce.output.listing.TextTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** `truce exposure` end to end on a small file of its own. */
class ExposureCommandTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String products, String... args) {
        ExposureFiles.write(dir, products);
        return new CliRunner(dir).run(args);
    }

    private CliRunner.Result exposure(String products, String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "exposure";
        args[1] = "--products";
        args[2] = "products.csv";
        args[3] = "--as-of";
        args[4] = ExposureFiles.AS_OF;
        System.arraycopy(more, 0, args, 5, more.length);
        return run(products, args);
    }

    @Test
    void theJsonIsTheContract() {
        CliRunner.Result r = exposure(ExposureFiles.PRODUCTS, "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertEquals("""
                {
                  "as_of" : "2025-09-01T04:00:00Z",
                  "zone" : "America/New_York",
                  "truce" : "t",
                  "products" : [ {
                    "hts" : "8505.11.0070",
                    "market" : "US",
                    "value" : 2400000,
                    "description" : "NdFeB magnets, sintered",
                    "duty_now" : 10,
                    "duty_as_if_kept" : 10,
                    "duty_as_if_lapsed" : 10,
                    "duty_cost_now" : 240000,
                    "duties" : [ {
                      "obligation" : "us-reciprocal",
                      "timeline" : "active",
                      "rate" : 10,
                      "kept" : 10,
                      "lapsed" : 34
                    }, {
                      "obligation" : "us-magnet-exclusion",
                      "timeline" : "due-soon",
                      "rate" : 0,
                      "kept" : 0,
                      "lapsed" : 25
                    } ],
                    "if_lapsed" : [ {
                      "obligation" : "us-magnet-exclusion",
                      "deadline" : "2025-10-01T00:00-04:00",
                      "deadline_date" : "2025-09-30",
                      "days_left" : 29,
                      "duty" : 35,
                      "duty_as_if_kept" : 35,
                      "duty_as_if_lapsed" : 35,
                      "extra_cost" : 600000
                    }, {
                      "obligation" : "us-reciprocal",
                      "deadline" : "2025-11-10T00:01-05:00",
                      "deadline_date" : "2025-11-10",
                      "days_left" : 70,
                      "duty" : 34,
                      "duty_as_if_kept" : 34,
                      "duty_as_if_lapsed" : 34,
                      "extra_cost" : 576000
                    } ],
                    "unresolved" : [ ],
                    "supply_risk" : [ "cn-rare-earth-licensing" ]
                  }, {
                    "hts" : "9403.60",
                    "market" : "US",
                    "value" : 1800000,
                    "description" : "Wooden furniture",
                    "duty_now" : 10,
                    "duty_as_if_kept" : 10,
                    "duty_as_if_lapsed" : 10,
                    "duty_cost_now" : 180000,
                    "duties" : [ {
                      "obligation" : "us-reciprocal",
                      "timeline" : "active",
                      "rate" : 10,
                      "kept" : 10,
                      "lapsed" : 34
                    } ],
                    "if_lapsed" : [ {
                      "obligation" : "us-reciprocal",
                      "deadline" : "2025-11-10T00:01-05:00",
                      "deadline_date" : "2025-11-10",
                      "days_left" : 70,
                      "duty" : 34,
                      "duty_as_if_kept" : 34,
                      "duty_as_if_lapsed" : 34,
                      "extra_cost" : 432000
                    } ],
                    "unresolved" : [ ],
                    "supply_risk" : [ ]
                  }, {
                    "hts" : "1201.90",
                    "market" : "CN",
                    "value" : 12000000,
                    "description" : "Soybeans",
                    "duty_now" : null,
                    "duty_as_if_kept" : 10,
                    "duty_as_if_lapsed" : 34,
                    "duty_cost_now" : null,
                    "duties" : [ {
                      "obligation" : "cn-reciprocal",
                      "timeline" : "unresolved",
                      "rate" : null,
                      "kept" : 10,
                      "lapsed" : 34
                    } ],
                    "if_lapsed" : [ ],
                    "unresolved" : [ {
                      "obligation" : "cn-reciprocal",
                      "deadline" : "2025-08-12T00:01-04:00",
                      "deadline_date" : "2025-08-12",
                      "days_passed" : 20,
                      "outcome" : "not recorded",
                      "kept" : 10,
                      "lapsed" : 34,
                      "extra_cost_if_lapsed" : 2880000
                    } ],
                    "supply_risk" : [ ]
                  } ],
                  "total" : {
                    "products" : 3,
                    "value" : 16200000,
                    "duty_cost_now" : null,
                    "duty_cost_as_if_kept" : 1620000,
                    "duty_cost_as_if_lapsed" : 4500000,
                    "extra_cost_if_all_lapse" : 1608000,
                    "unresolved_products" : 1,
                    "supply_risk_products" : 1
                  }
                }
                """, r.out());
    }

    @Test
    void theTableHasATotalRowAndSaysWhatIsNotRecorded() {
        CliRunner.Result r = exposure(ExposureFiles.PRODUCTS);
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals("Test truce (t)", lines.get(0));
        assertTrue(lines.get(3).startsWith("HTS           MARKET  VALUE       DUTY NOW   DUTY A YEAR"), r::toString);
        assertTrue(r.out().contains("8505.11.0070  US      2,400,000   10         240,000                  "
                + "2025-09-30                      us-magnet-exclusion  35            +600,000"), r::toString);
        assertTrue(r.out().contains("1201.90       CN      12,000,000  10 or 34*  1,200,000 or 4,080,000*  "
                + "2025-08-12 00:01 EDT (passed)*  cn-reciprocal        not recorded  +2,880,000 if it lapsed"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TOTAL                 16,200,000             "
                + "1,620,000 or 4,500,000*") && l.contains("+1,608,000 if every deadline ahead lapses") && l.endsWith("3 products")), r::toString);
        assertTrue(r.out().contains("* outcome not recorded: the deadline passed and nobody has recorded whether"));
        assertFalse(r.out().toLowerCase().contains("snapped"), "never a word that reads as a lapse");
    }

    @Test
    void theShippedExampleAfterTheLastDeadlineSaysNoDeadlineIsAheadNotZero() throws Exception {
        TestFiles.copyShipped(dir);
        java.nio.file.Files.copy(java.nio.file.Path.of("scripts/products.example.csv"), dir.resolve("products.csv"));
        CliRunner.Result r = new CliRunner(dir).at("2026-12-01T17:00:00Z").run("exposure", "--products", "products.csv");
        assertEquals(0, r.exitCode(), r::toString);
        String total = r.out().lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertTrue(total.contains("no deadline ahead"), total);
        assertTrue(!total.contains("if all lapse") && !total.contains(" 0 "), total);
    }

    @Test
    void csvAndMarkdownHaveATotalRowToo() throws Exception {
        CliRunner.Result csv = exposure(ExposureFiles.PRODUCTS, "--format", "csv");
        assertEquals(0, csv.exitCode(), csv::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.out())).getRecords();
        assertEquals(5, rows.size());
        assertEquals("row", rows.get(0).get(0));
        assertEquals(List.of("product", "8505.11.0070", "US", "2400000", "NdFeB magnets, sintered", "10"),
                rows.get(1).toList().subList(0, 6));
        CSVRecord total = rows.get(4);
        assertEquals("total", total.get(0));
        assertEquals("16200000", total.get(3));
        assertEquals("1608000", total.get(17));
        CliRunner.Result markdown = exposure(ExposureFiles.PRODUCTS, "--format", "markdown");
        assertTrue(markdown.out().contains("| total |  | 16,200,000 |  | 1,620,000 or 4,500,000\\* |"), markdown::toString);
    }

    @Test
    void oneCodeWithoutAFile() throws Exception {
        CliRunner.Result r = run(ExposureFiles.PRODUCTS, "exposure", "--hts", "8505.11.0070", "--as-of", "2025-09-01",
                "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode product = new ObjectMapper().readTree(r.out()).get("products").get(0);
        assertEquals("US", product.get("market").asString(), "US by default");
        assertEquals(10, product.get("duty_now").asInt());
        assertTrue(product.get("value").isNull());
        assertTrue(product.get("if_lapsed").get(0).get("extra_cost").isNull(), "no value, no cost");
        CliRunner.Result china = run(ExposureFiles.PRODUCTS, "exposure", "--hts", "1201", "--market", "cn",
                "--value", "100", "--as-of", "2025-09-01");
        assertEquals(0, china.exitCode(), china::toString);
        assertTrue(china.out().contains("\n1201   CN      100    10 or 34*"), china::toString);
    }

    @Test
    void hostileDescriptionsAreEscapedForEachMedium() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        String escape = "red \u001b[31mALERT\u001b[0m bell\u0007";
        String chinese = "钕铁硼永磁体，烧结";
        String quoted = "a \"quoted\", comma; pipe | and * stars";
        String twoLines = "first line\nsecond line";
        String bidi = "abc\u202Edcba";
        String csv = "\uFEFFhts,market,value,description\r\n"
                + "8505.11.0070,US,1,\"" + formula.replace("\"", "\"\"") + "\"\r\n"
                + "8505.11.0050,US,2,\"" + escape + "\"\r\n"
                + "2846.90,US,3," + chinese + "\r\n"
                + "9403.60,US,4,\"" + quoted.replace("\"", "\"\"") + "\"\r\n"
                + "9403.60.8081,US,5,\"" + twoLines + "\"\r\n"
                + "1201.90,CN,6,\"" + bidi + "\"\r\n"
                + "\r\n"
                + "2805.30,US,7,-starts with a minus\r\n";
        List<String> descriptions = List.of(formula, escape, chinese, quoted, twoLines, bidi, "-starts with a minus");

        CliRunner.Result json = exposure(csv, "--format", "json");
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode products = new ObjectMapper().readTree(json.out()).get("products");
        assertEquals(descriptions.size(), products.size(), "the blank line is skipped, the BOM is not part of the header");
        for (int i = 0; i < descriptions.size(); i++) {
            assertEquals(descriptions.get(i), products.get(i).get("description").asString(), "JSON keeps the text exactly");
        }

        CliRunner.Result table = exposure(csv);
        assertEquals(0, table.exitCode(), table::toString);
        assertFalse(table.out().contains("\u001b"), "no escape sequence reaches the terminal");
        assertFalse(table.out().contains("\u0007"));
        assertFalse(table.out().contains("\u202E"), "no bidirectional override");
        assertTrue(table.out().contains("red \\u001B[31mALERT\\u001B[0m bell\\u0007"), table::toString);
        assertTrue(table.out().contains(chinese), table::toString);
        assertTrue(table.out().contains("first line\\nsecond line"), "one product, one line");
        String header = table.out().lines().filter(l -> l.startsWith("HTS")).findFirst().orElseThrow();
        String chineseRow = table.out().lines().filter(l -> l.contains(chinese)).findFirst().orElseThrow();
        assertEquals(header.indexOf("DESCRIPTION"), TextTable.width(chineseRow.substring(0, chineseRow.indexOf(chinese))),
                "columns stay aligned");

        CliRunner.Result out = exposure(csv, "--format", "csv");
        assertEquals(0, out.exitCode(), out::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(out.out())).getRecords();
        assertEquals("'" + formula, rows.get(1).get(4), "a formula is neutralised for spreadsheets");
        assertEquals("'-starts with a minus", rows.get(7).get(4));
        assertEquals(quoted, rows.get(4).get(4));
        assertEquals(twoLines, rows.get(5).get(4), "a line break stays inside its quoted field");
        assertEquals(chinese, rows.get(3).get(4));

        CliRunner.Result markdown = exposure(csv, "--format", "markdown");
        assertTrue(markdown.out().contains("a \"quoted\", comma; pipe \\| and \\* stars"), markdown::toString);
        assertFalse(markdown.out().contains("first line\nsecond"), "no row broken in two");
        markdown.out().lines().filter(l -> l.startsWith("| ")).forEach(l -> assertEquals(10,
                l.replace("\\|", "").chars().filter(c -> c == '|').count(), l));
    }

    @Test
    void everyProblemOfTheFileAtOnceWithItsLine() {
        String csv = """
                hts,market,value,description
                8505.11.0070,US,2400000,fine
                85x5,US,1,bad code
                8505.11.00701,US,1,eleven digits
                8505,EU,1,unknown market
                8505,us,1,lower case is accepted
                2846.90,US,-5,negative
                2846.90,US,"1,200",thousands separator
                2846.90,US,,empty value
                "9403.60",US,1,"a description
                over two lines"
                9403.60,US
                1201,CN,abc,not a number
                """;
        CliRunner.Result r = exposure(csv);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(List.of(
                "truce exposure: products.csv:3: hts: '85x5' is not an HTS code (expected 2 to 10 digits, with or without dots, such as 8505.11.0070)",
                "truce exposure: products.csv:4: hts: '8505.11.00701' has 11 digits (expected 2 to 10 digits, with or without dots, such as 8505.11.0070)",
                "truce exposure: products.csv:5: market: 'EU' is not a party of this truce (expected the importing market, one of US, CN)",
                "truce exposure: products.csv:7: value: '-5' is negative (expected the annual import value, a number such as 2400000 or 1250.50, 0 or more)",
                "truce exposure: products.csv:8: value: '1,200' is not a number (expected the annual import value, a number such as 2400000 or 1250.50; no thousands separators or currency signs)",
                "truce exposure: products.csv:9: value: is empty (expected the annual import value, a number such as 2400000 or 1250.50)",
                "truce exposure: products.csv:12: has 2 fields where the header has 4: a missing column (expected hts,market,value,description)",
                "truce exposure: products.csv:13: value: 'abc' is not a number (expected the annual import value, a number such as 2400000 or 1250.50; no thousands separators or currency signs)"),
                r.err().lines().toList());
    }

    @Test
    void aMissingColumnInTheHeader() {
        CliRunner.Result r = exposure("hts,market,valeu,description\n8505,US,1,x\n");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("truce exposure: products.csv:1: the header has no column value (expected hts,market,value,description in any order);"
                + " did you mean 'valeu'?", r.err().strip());
    }

    @Test
    void brokenCsvEmptyFilesMissingFilesAndOtherEncodings() throws Exception {
        CliRunner.Result unclosed = exposure("hts,market,value,description\n8505,US,1,fine\n9403,US,1,\"never closed\n");
        assertEquals(2, unclosed.exitCode(), unclosed::toString);
        assertTrue(unclosed.err().startsWith("truce exposure: products.csv:3: a quoted field is never closed"), unclosed::toString);

        CliRunner.Result stray = exposure("hts,market,value,description\n8505,US,1,fine\n9403,US,1,\"quoted\"x\n");
        assertEquals(2, stray.exitCode(), stray::toString);
        assertTrue(stray.err().startsWith("truce exposure: products.csv:3: text after a closing quote"), stray::toString);

        CliRunner.Result empty = exposure("");
        assertEquals(2, empty.exitCode(), empty::toString);
        assertTrue(empty.err().startsWith("truce exposure: products.csv:1: is empty (expected a header hts,market,value,description"),
                empty::toString);

        CliRunner.Result missing = new CliRunner(dir).run("exposure", "--products", "nope.csv");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().startsWith("truce exposure: nope.csv: no such file"), missing::toString);

        ExposureFiles.write(dir, "");
        Files.write(dir.resolve("latin1.csv"), "hts,market,value,description\n8505,US,1,Zölle\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRunner.Result latin1 = new CliRunner(dir).run("exposure", "--products", "latin1.csv");
        assertEquals(2, latin1.exitCode(), latin1::toString);
        assertTrue(latin1.err().startsWith("truce exposure: latin1.csv: is not UTF-8 text"), latin1::toString);
    }

    @Test
    void badFlags() {
        ExposureFiles.write(dir, ExposureFiles.PRODUCTS);
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result code = cli.run("exposure", "--hts", "85.x");
        assertEquals(2, code.exitCode(), code::toString);
        assertTrue(code.err().startsWith("truce exposure: --hts: '85.x' is not an HTS code"), code::toString);
        CliRunner.Result market = cli.run("exposure", "--hts", "8505", "--market", "EU");
        assertEquals(2, market.exitCode(), market::toString);
        assertTrue(market.err().startsWith("truce exposure: --market: 'EU' is not a party of this truce"), market::toString);
        CliRunner.Result both = cli.run("exposure", "--hts", "8505", "--products", "products.csv");
        assertEquals(2, both.exitCode(), both::toString);
        CliRunner.Result neither = cli.run("exposure");
        assertEquals(2, neither.exitCode(), neither::toString);
        CliRunner.Result marketWithFile = cli.run("exposure", "--products", "products.csv", "--market", "CN");
        assertEquals(2, marketWithFile.exitCode(), marketWithFile::toString);
        assertTrue(marketWithFile.err().contains("--market goes with --hts CODE"), marketWithFile::toString);
    }

    @Test
    void statusFiltersByProductInEitherDirection() {
        ExposureFiles.write(dir, ExposureFiles.PRODUCTS);
        CliRunner cli = new CliRunner(dir).at("2025-09-01T12:00:00Z");
        assertEquals(List.of("cn-rare-earth-licensing", "cn-reciprocal", "us-magnet-exclusion", "us-reciprocal"),
                ids(cli.run("status", "--hts", "8505", "--format", "csv")), "8505 finds covers of 8505.11, and all");
        assertEquals(List.of("cn-rare-earth-licensing", "cn-reciprocal", "us-reciprocal"),
                ids(cli.run("status", "--hts", "2846.90.1000", "--format", "csv")), "a longer code finds its prefix");
        assertEquals(List.of("cn-reciprocal", "us-reciprocal"), ids(cli.run("status", "--hts", "9403", "--format", "csv")));
        assertEquals(List.of("cn-rare-earth-licensing", "cn-reciprocal", "us-magnet-exclusion", "us-reciprocal"),
                ids(cli.run("status", "--hts", "9403", "--hts", "85.05.11", "--format", "csv")), "repeatable: any code");
        CliRunner.Result bad = cli.run("status", "--hts", "8");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--hts: '8' has 1 digit"), bad::toString);
    }

    @Test
    void aFileWithNoCoversSaysSo() {
        ExposureFiles.write(dir, ExposureFiles.PRODUCTS);
        String noCovers = ExposureFiles.OBLIGATIONS.lines().filter(l -> !l.contains("covers:") && !l.contains("duty:"))
                .collect(java.util.stream.Collectors.joining("\n"));
        try {
            Files.writeString(dir.resolve("bare.yaml"), noCovers);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRunner.Result r = new CliRunner(dir).run("-f", "bare.yaml", "exposure", "--hts", "8505.11.0070");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("warning: no obligation in bare.yaml says what it covers"), r::toString);
        CliRunner.Result covered = new CliRunner(dir).run("exposure", "--hts", "8505.11.0070");
        assertEquals("", covered.err(), covered::toString);
    }

    private static List<String> ids(CliRunner.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        return r.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).sorted().toList();
    }
}
