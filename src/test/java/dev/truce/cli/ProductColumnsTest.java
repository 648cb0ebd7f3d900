package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The optional columns of a product list: base_duty (the duty outside the truce, in percent, as the broker applies
 * it; it wins over the schedule) and origin (where the goods are a product of; default the truce's other party).
 */
class ProductColumnsTest {
    @TempDir
    Path dir;

    private JsonNode products(String csv) throws Exception {
        ExposureFiles.write(dir, csv);
        CliRunner.Result r = new CliRunner(dir).run("exposure", "--products", "products.csv", "--as-of",
                ExposureFiles.AS_OF, "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        return new ObjectMapper().readTree(r.out()).get("products");
    }

    @Test
    void baseDutyGivenMakesTheBaseLayerAndTheLandedDuty() throws Exception {
        JsonNode magnets = products("hts,market,value,description,base_duty\n8505.11.0070,US,1000,magnets,2.1\n").get(0);
        assertEquals("base_duty", magnets.get("base").asString());
        assertEquals(2.1, magnets.get("base_duty").asDouble());
        assertEquals(10, magnets.get("duty_now").asInt(), "the truce layer keeps its meaning");
        assertEquals(12.1, magnets.get("landed_now").asDouble(), "2.1 base + 10 truce");
        assertEquals("base", magnets.get("layers").get(0).get("layer").asString());
        assertEquals(2.1, magnets.get("layers").get(0).get("rate").asDouble());
        assertEquals(35 + 2.1, magnets.get("if_lapsed").get(0).get("landed").asDouble(), 1e-9,
                "right after the exclusion lapses: 2.1 + 25 + 10");
        assertEquals(121, magnets.get("landed_cost_now").asInt());
    }

    @Test
    void baseDutyAbsentOrEmptyLeavesTheLandedDutyUnknown() throws Exception {
        JsonNode both = products("hts,market,value,description,base_duty\n8505.11.0070,US,1000,given,0\n"
                + "9403.60,US,1000,empty,\n");
        assertEquals(10, both.get(0).get("landed_now").asInt(), "0 is a rate: the landed duty is the truce layer");
        assertEquals("not included", both.get(1).get("base").asString());
        assertTrue(both.get(1).get("landed_now").isNull(), "no base: the landed duty is not known");
        assertTrue(both.get(1).get("base_duty").isNull());
        JsonNode without = products(ExposureFiles.PRODUCTS).get(0);
        assertEquals("not included", without.get("base").asString());
    }

    @Test
    void aBadBaseDutyOrOriginIsRefusedAtItsLine() {
        ExposureFiles.write(dir, """
                hts,market,value,description,base_duty,origin
                8505.11.0070,US,1,fine,2.1,CN
                8505.11.0070,US,1,percent sign,2.1%,
                8505.11.0070,US,1,too high,1001,
                8505.11.0070,US,1,negative,-1,
                8505.11.0070,US,1,a country name,,China
                8505.11.0070,US,1,the market itself,,us
                """);
        CliRunner.Result r = new CliRunner(dir).run("exposure", "--products", "products.csv");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(List.of(
                "truce exposure: products.csv:3: base_duty: '2.1%' is not a number (expected the duty outside the truce in percent, as the "
                        + "broker applies it, such as 3 or 2.5, 0 to 1000; empty for none; no % sign)",
                "truce exposure: products.csv:4: base_duty: '1001' is outside 0 to 1000 (expected the duty outside the truce in percent, "
                        + "as the broker applies it, such as 3 or 2.5, 0 to 1000; empty for none)",
                "truce exposure: products.csv:5: base_duty: '-1' is outside 0 to 1000 (expected the duty outside the truce in percent, as "
                        + "the broker applies it, such as 3 or 2.5, 0 to 1000; empty for none)",
                "truce exposure: products.csv:6: origin: 'China' is not a country code (expected the country the goods are a product of, "
                        + "a two-letter code such as CN or HK; empty for the truce's other party)",
                "truce exposure: products.csv:7: origin: 'us' is the market itself (expected the country the goods are a product of, a "
                        + "two-letter code such as CN or HK; empty for the truce's other party; market is where they are "
                        + "imported)"), r.err().lines().toList());
    }

    @Test
    void originChoosesWhichObligationsDutiesApply() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("obligations.yaml"), ExposureFiles.OBLIGATIONS.replace(
                "duty: {market: US, kept: 10, lapsed: 34}", "duty: {market: US, kept: 10, lapsed: 34, origins: [CN, HK]}"));
        java.nio.file.Files.writeString(dir.resolve("products.csv"), """
                hts,market,value,description,origin
                8505.11.0070,US,1000,from China,
                8505.11.0070,US,1000,from Hong Kong,hk
                8505.11.0070,US,1000,from Vietnam,VN
                1201.90,CN,1000,US soybeans into China,
                """);
        CliRunner.Result r = new CliRunner(dir).run("exposure", "--products", "products.csv", "--as-of",
                ExposureFiles.AS_OF, "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode products = new ObjectMapper().readTree(r.out()).get("products");
        assertEquals("CN", products.get(0).get("origin").asString());
        assertEquals(10, products.get(0).get("duty_now").asInt(), "us-reciprocal (CN, HK); the exclusion adds 0");
        assertEquals("HK", products.get(1).get("origin").asString(), "any case, written in capitals");
        assertEquals(10, products.get(1).get("duty_now").asInt(), "us-reciprocal names HK");
        assertEquals(1, products.get(1).get("duties").size(), "us-magnet-exclusion is on goods of CN only (default)");
        assertEquals(0, products.get(2).get("duty_now").asInt(), "no duty of this truce names VN");
        assertEquals(0, products.get(2).get("duties").size());
        assertEquals("US", products.get(3).get("origin").asString(), "a CN-market row: goods of the other party, US");
        assertEquals(1, products.get(3).get("duties").size(), "cn-reciprocal applies to US goods by default");
    }
}
