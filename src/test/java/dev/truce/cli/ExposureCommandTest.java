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
import java.util.Map;
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

    /** The earlier columns, with base_duty on soybeans: the landed duty beside the truce layer. */
    static final String WITH_BASE = """
            hts,market,value,description,base_duty,origin
            8505.11.0070,US,2400000,"NdFeB magnets, sintered",,
            9403.60,US,1800000,Wooden furniture,,
            1201.90,CN,12000000,Soybeans,3,
            """;

    /**
     * duty_now and if_lapsed[].duty keep their meaning (the truce layer); landed_now, layers and if_lapsed[].landed
     * come beside them; without a base (no schedule, no base_duty) the landed duty is null, never the truce layer
     * passed off as landed; totals are per market.
     */
    @Test
    void theJsonIsTheContract() {
        CliRunner.Result r = exposure(WITH_BASE, "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertEquals("""
                {
                  "as_of" : "2025-09-01T04:00:00Z",
                  "zone" : "America/New_York",
                  "truce" : "t",
                  "schedule" : null,
                  "base_not_included" : "Truce layer only for 2 products (marked): base and Section 301 duties not included for them (add base_duty; for market US, `truce hts import`)",
                  "not_counted" : [ "AD/CVD (antidumping and countervailing duties)", "the specific part of compound and specific rates (an amount per unit)", "Section 301 exclusions and exemptions not modelled as obligations (9903.88.69, 9903.88.70: the schedule cannot tell which goods an exclusion covers)", "Section 232 where it is not in the data (no obligation models it)", "MPF and HMF fees", "not subtracted either: exemptions an obligation's covers ignore (Annex II, goods under Section 232, goods in transit)" ],
                  "warnings" : [ ],
                  "products" : [ {
                    "hts" : "8505.11.0070",
                    "market" : "US",
                    "origin" : "CN",
                    "value" : 2400000,
                    "description" : "NdFeB magnets, sintered",
                    "base_duty" : null,
                    "base" : "not included",
                    "duty_now" : 10,
                    "duty_as_if_kept" : 10,
                    "duty_as_if_lapsed" : 10,
                    "duty_cost_now" : 240000,
                    "landed_now" : null,
                    "landed_as_if_kept" : null,
                    "landed_as_if_lapsed" : null,
                    "landed_cost_now" : null,
                    "layers" : [ {
                      "layer" : "truce",
                      "name" : "us-reciprocal",
                      "source" : "obligations.yaml",
                      "rate" : 10,
                      "rate_as_if_kept" : 10,
                      "rate_as_if_lapsed" : 10
                    }, {
                      "layer" : "truce",
                      "name" : "us-magnet-exclusion",
                      "source" : "obligations.yaml",
                      "rate" : 0,
                      "rate_as_if_kept" : 0,
                      "rate_as_if_lapsed" : 0
                    } ],
                    "not_counted" : [ ],
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
                      "ends" : "lapses",
                      "duty" : 35,
                      "duty_as_if_kept" : 35,
                      "duty_as_if_lapsed" : 35,
                      "landed" : null,
                      "landed_as_if_kept" : null,
                      "landed_as_if_lapsed" : null,
                      "extra_cost" : 600000
                    }, {
                      "obligation" : "us-reciprocal",
                      "deadline" : "2025-11-10T00:01-05:00",
                      "deadline_date" : "2025-11-10",
                      "days_left" : 70,
                      "ends" : "lapses",
                      "duty" : 34,
                      "duty_as_if_kept" : 34,
                      "duty_as_if_lapsed" : 34,
                      "landed" : null,
                      "landed_as_if_kept" : null,
                      "landed_as_if_lapsed" : null,
                      "extra_cost" : 576000
                    } ],
                    "unresolved" : [ ],
                    "supply_risk" : [ "cn-rare-earth-licensing" ]
                  }, {
                    "hts" : "9403.60",
                    "market" : "US",
                    "origin" : "CN",
                    "value" : 1800000,
                    "description" : "Wooden furniture",
                    "base_duty" : null,
                    "base" : "not included",
                    "duty_now" : 10,
                    "duty_as_if_kept" : 10,
                    "duty_as_if_lapsed" : 10,
                    "duty_cost_now" : 180000,
                    "landed_now" : null,
                    "landed_as_if_kept" : null,
                    "landed_as_if_lapsed" : null,
                    "landed_cost_now" : null,
                    "layers" : [ {
                      "layer" : "truce",
                      "name" : "us-reciprocal",
                      "source" : "obligations.yaml",
                      "rate" : 10,
                      "rate_as_if_kept" : 10,
                      "rate_as_if_lapsed" : 10
                    } ],
                    "not_counted" : [ ],
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
                      "ends" : "lapses",
                      "duty" : 34,
                      "duty_as_if_kept" : 34,
                      "duty_as_if_lapsed" : 34,
                      "landed" : null,
                      "landed_as_if_kept" : null,
                      "landed_as_if_lapsed" : null,
                      "extra_cost" : 432000
                    } ],
                    "unresolved" : [ ],
                    "supply_risk" : [ ]
                  }, {
                    "hts" : "1201.90",
                    "market" : "CN",
                    "origin" : "US",
                    "value" : 12000000,
                    "description" : "Soybeans",
                    "base_duty" : 3,
                    "base" : "base_duty",
                    "duty_now" : null,
                    "duty_as_if_kept" : 10,
                    "duty_as_if_lapsed" : 34,
                    "duty_cost_now" : null,
                    "landed_now" : null,
                    "landed_as_if_kept" : 13,
                    "landed_as_if_lapsed" : 37,
                    "landed_cost_now" : null,
                    "layers" : [ {
                      "layer" : "base",
                      "name" : "base",
                      "source" : "base_duty, as given",
                      "rate" : 3,
                      "rate_as_if_kept" : 3,
                      "rate_as_if_lapsed" : 3
                    }, {
                      "layer" : "truce",
                      "name" : "cn-reciprocal",
                      "source" : "obligations.yaml",
                      "rate" : null,
                      "rate_as_if_kept" : 10,
                      "rate_as_if_lapsed" : 34
                    } ],
                    "not_counted" : [ ],
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
                  "totals" : [ {
                    "market" : "US",
                    "products" : 2,
                    "value" : 4200000,
                    "duty_cost_now" : 420000,
                    "duty_cost_as_if_kept" : 420000,
                    "duty_cost_as_if_lapsed" : 420000,
                    "landed_cost_now" : null,
                    "landed_cost_as_if_kept" : null,
                    "landed_cost_as_if_lapsed" : null,
                    "extra_cost_if_all_lapse" : 1608000,
                    "unresolved_products" : 0,
                    "supply_risk_products" : 1,
                    "products_without_base" : 2
                  }, {
                    "market" : "CN",
                    "products" : 1,
                    "value" : 12000000,
                    "duty_cost_now" : null,
                    "duty_cost_as_if_kept" : 1200000,
                    "duty_cost_as_if_lapsed" : 4080000,
                    "landed_cost_now" : null,
                    "landed_cost_as_if_kept" : 1560000,
                    "landed_cost_as_if_lapsed" : 4440000,
                    "extra_cost_if_all_lapse" : 0,
                    "unresolved_products" : 1,
                    "supply_risk_products" : 0,
                    "products_without_base" : 0
                  } ]
                }
                """, r.out());
    }

    @Test
    void theTableHasABlockPerProductAndATotalPerMarketAndSaysWhatIsNotRecorded() {
        CliRunner.Result r = exposure(WITH_BASE);
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals("Test truce (t)", lines.get(0));
        assertEquals("Exposure as of 2025-09-01 00:00 EDT · 3 products: 2 into US, 1 into CN", lines.get(1));
        assertTrue(r.out().contains("""
                8505.11.0070 · US from CN · value 2,400,000 · NdFeB magnets, sintered
                  landed now     10 (truce layer only) · 240,000 a year
                  layers         truce 10: us-reciprocal (obligations.yaml)
                                 (1 more covering obligation adds nothing now)
                  ahead          2025-09-30 us-magnet-exclusion: if it lapses (the suspension ends): +600,000 a
                                 year; truce layer then 35
                """), r::toString);
        assertTrue(r.out().contains("""
                1201.90 · CN from US · value 12,000,000 · Soybeans
                  landed now     13 or 37* = 3 base + 10 or 34* truce · 1,560,000 or 4,440,000* a year
                  layers         base 3 (base_duty, as given)
                                 truce 10 or 34*: cn-reciprocal (obligations.yaml)
                  not recorded*  2025-08-12 00:01 EDT cn-reciprocal (passed 20 days ago, outcome not recorded): 10
                                 if kept, 34 if it lapsed; +2,880,000 a year if it lapsed
                """), r::toString);
        assertTrue(r.out().contains("Truce layer only for 2 products (marked): base and Section 301 duties not "
                + "included for them"), r::toString);
        assertTrue(r.out().contains("""
                Totals per market (never added together):
                  into US        2 products · value 4,200,000 · truce layer 420,000 a year (the landed duty is not
                                 known: 2 products with no base) · +1,608,000 a year if every deadline ahead lapses
                                 or runs out · 1 product with a supply risk
                  into CN        1 product · value 12,000,000 · landed 1,560,000 or 4,440,000* a year · no deadline
                                 ahead · 1 product with an outcome not recorded
                """), r::toString);
        assertFalse(r.out().contains("16,200,000"), "the two markets' values are never added up");
        assertTrue(r.out().contains("* outcome not recorded: the deadline passed and nobody has recorded whether"));
        assertFalse(r.out().toLowerCase().contains("snapped"), "never a word that reads as a lapse");
    }

    @Test
    void wideGivesTheGridOfOneLinePerProductAndDeadline() {
        CliRunner.Result r = exposure(WITH_BASE, "--wide");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("HTS")).findFirst().orElseThrow();
        assertTrue(header.startsWith("HTS           MARKET  ORIGIN  VALUE       LANDED NOW  A YEAR"), header);
        assertTrue(r.out().contains("8505.11.0070  US      CN      2,400,000   -           240,000"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TOTAL US") && l.endsWith("2 products into US")), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TOTAL CN") && l.contains("1,560,000 or 4,440,000*")
                && l.endsWith("1 product into CN")), r::toString);
        assertTrue(r.out().contains("Not counted: AD/CVD"), r::toString);
    }

    @Test
    void theShippedExampleAfterTheLastDeadlineSaysNoDeadlineIsAheadNotZero() throws Exception {
        TestFiles.copyShipped(dir);
        java.nio.file.Files.copy(java.nio.file.Path.of("scripts/products.example.csv"), dir.resolve("products.csv"));
        CliRunner.Result r = new CliRunner(dir).at("2026-12-01T17:00:00Z").run("exposure", "--products", "products.csv");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> totals = r.out().lines().dropWhile(l -> !l.startsWith("Totals per market")).toList();
        assertTrue(totals.get(1).startsWith("  into US        6 products · value 13,800,000 · truce layer "), totals::toString);
        assertTrue(String.join(" ", totals).contains("no deadline ahead"), totals::toString);
        assertTrue(totals.stream().noneMatch(l -> l.contains("if all lapse") || l.contains(" 0 a year")), totals::toString);
    }

    @Test
    void csvAndMarkdownHaveATotalRowPerMarketToo() throws Exception {
        CliRunner.Result csv = exposure(WITH_BASE, "--format", "csv");
        assertEquals(0, csv.exitCode(), csv::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.out())).getRecords();
        assertEquals(7, rows.size(), "header, 3 products, 2 totals, the note");
        assertEquals("row", rows.get(0).get(0));
        assertEquals(List.of("product", "8505.11.0070", "US", "2400000", "NdFeB magnets, sintered", "10"),
                rows.get(1).toList().subList(0, 6), "the earlier columns keep their places");
        CSVRecord soybeans = rows.get(3);
        Map<String, String> row = named(rows.get(0), soybeans);
        assertEquals("US", row.get("origin"));
        assertEquals("3", row.get("base_duty"));
        assertEquals("", row.get("landed_now"), "not known: an outcome is not recorded");
        assertEquals("13", row.get("landed_as_if_kept"));
        assertEquals("37", row.get("landed_as_if_lapsed"));
        assertEquals("3 base (base_duty, as given) + 10 or 34 cn-reciprocal (obligations.yaml)", row.get("layers"));
        CSVRecord us = rows.get(4);
        assertEquals(List.of("total", "", "US", "4200000"), us.toList().subList(0, 4));
        assertEquals("1608000", us.get(17));
        assertEquals(List.of("total", "", "CN", "12000000"), rows.get(5).toList().subList(0, 4));
        assertEquals("note", rows.get(6).get(0));
        assertTrue(rows.get(6).get(4).contains("Not counted: AD/CVD"), rows.get(6)::toString);
        CliRunner.Result markdown = exposure(WITH_BASE, "--format", "markdown");
        assertTrue(markdown.out().contains("| total into US | US |  | 4,200,000 |  | 420,000 (truce layer: 2 products with no "
                + "base) |"), markdown::toString);
        assertTrue(markdown.out().contains("| total into CN | CN |  | 12,000,000 |  | 1,560,000 or 4,440,000\\* |"),
                markdown::toString);
        assertTrue(markdown.out().contains("Not counted: AD/CVD"), markdown::toString);
    }

    private static Map<String, String> named(CSVRecord header, CSVRecord row) {
        Map<String, String> named = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            named.put(header.get(i), row.get(i));
        }
        return named;
    }

    @Test
    void oneCodeWithoutAFile() throws Exception {
        CliRunner.Result r = run(ExposureFiles.PRODUCTS, "exposure", "--hts", "8505.11.0070", "--as-of", "2025-09-01",
                "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode product = new ObjectMapper().readTree(r.out()).get("products").get(0);
        assertEquals("US", product.get("market").asString(), "US by default");
        assertEquals("CN", product.get("origin").asString(), "the other party by default");
        assertEquals(10, product.get("duty_now").asInt());
        assertTrue(product.get("value").isNull());
        assertTrue(product.get("if_lapsed").get(0).get("extra_cost").isNull(), "no value, no cost");
        CliRunner.Result china = run(ExposureFiles.PRODUCTS, "exposure", "--hts", "1201", "--market", "cn",
                "--value", "100", "--base-duty", "3", "--as-of", "2025-09-01");
        assertEquals(0, china.exitCode(), china::toString);
        assertTrue(china.out().contains("1201 · CN from US · value 100\n"
                + "  landed now     13 or 37* = 3 base + 10 or 34* truce · 13 or 37* a year"), china::toString);
    }

    /** Issue 22 item 7: NaN and Infinity are not numbers, said in words rather than as a Java exception. */
    @Test
    void aValueThatIsNotANumberIsSaidInWords() {
        ExposureFiles.write(dir, ExposureFiles.PRODUCTS);
        for (String value : List.of("NaN", "Infinity", "-Infinity", "1e6", "1,000")) {
            CliRunner.Result r = new CliRunner(dir).run("exposure", "--hts", "8505", "--value", value);
            assertEquals(2, r.exitCode(), r::toString);
            assertTrue(r.err().contains("'" + value + "' is not a number (expected a plain number such as 2400000 "
                    + "or 1250.50"), r::toString);
            assertFalse(r.err().contains("Exception") || r.err().contains("java."), r::toString);
        }
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
        table.out().lines().forEach(l -> assertTrue(TextTable.width(l) <= 100, l));
        CliRunner.Result wide = exposure(csv, "--wide");
        assertFalse(wide.out().contains("\u001b") || wide.out().contains("\u202E"), wide::toString);
        String header = wide.out().lines().filter(l -> l.startsWith("HTS")).findFirst().orElseThrow();
        String chineseRow = wide.out().lines().filter(l -> l.contains(chinese)).findFirst().orElseThrow();
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
        assertEquals("red \\u001B[31mALERT\\u001B[0m bell\\u0007", rows.get(2).get(4),
                "issue 22 item 7: ESC and BEL are escaped in CSV too, as in the table");
        assertEquals("abc\\u202Edcba", rows.get(6).get(4), "and the bidirectional override");
        assertFalse(out.out().contains("\u001b") || out.out().contains("\u0007") || out.out().contains("\u202E"));

        CliRunner.Result markdown = exposure(csv, "--format", "markdown");
        assertTrue(markdown.out().contains("a \"quoted\", comma; pipe \\| and \\* stars"), markdown::toString);
        assertFalse(markdown.out().contains("first line\nsecond"), "no row broken in two");
        markdown.out().lines().filter(l -> l.startsWith("| ")).forEach(l -> assertEquals(11,
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

    /**
     * Issue 22 item 7: a value written with a thousands separator and no quotes makes one field too many; read as
     * it was, the value would be 1, a thousand times too small, with exit 0. Refused at its line, as a short row is.
     */
    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRefusedAtItsLine() {
        CliRunner.Result r = exposure("hts,market,value,description\n8505.11.0050,US,350000,SmCo\n"
                + "8505.11.0070,US,1,200,Magnets\n");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("truce exposure: products.csv:3: has 5 fields where the header has 4: one too many (a comma inside a value? quote "
                + "the value, or remove the comma; a number never has one) (expected hts,market,value,description)",
                r.err().strip());
        CliRunner.Result optional = exposure("hts,market,value,description,base_duty,origin\n"
                + "8505.11.0070,US,1,200,Magnets,,\n");
        assertEquals(2, optional.exitCode(), optional::toString);
        assertTrue(optional.err().startsWith("truce exposure: products.csv:2: has 7 fields where the header has 6: one too many"),
                optional::toString);
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
