package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.TruceFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Who owns what (status --owner, --mine, the OWNER column) and `show --format json`. */
class OwnersAndShowJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("    recipients: [licences@example.com]", "    recipients: [licences@example.com]\n"
                        + "    owner: \"Ana Lima <ana@desk.example>\""));
    }

    private CliRunner truce(Map<String, String> env) {
        return new CliRunner(dir).env(env).at(TruceFixture.WEEK_BEFORE);
    }

    private static List<String> ids(String json) {
        return StreamSupport.stream(JSON.readTree(json).get("obligations").spliterator(), false)
                .map(o -> o.get("id").asString()).toList();
    }

    @Test
    void theTableShowsTheShortFormOfEachOwner() {
        CliRunner.Result status = truce(Map.of()).run("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("us-tariff") && l.endsWith(" owner")), status.out());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("cn-licences") && l.endsWith(" Ana Lima")), status.out());
        assertTrue(!status.out().contains("ana@desk.example"), "the table keeps to the short form:\n" + status.out());
    }

    @Test
    void ownerFiltersByNameAddressOrItsLocalPartInAnyCase() {
        for (String who : List.of("Ana Lima", "ana lima", "ana@desk.example", "ANA")) {
            CliRunner.Result r = truce(Map.of()).run("status", "--owner", who, "--format", "json");
            assertEquals(List.of("cn-licences"), ids(r.out()), who + ": " + r);
        }
        assertEquals(List.of("us-tariff"), ids(truce(Map.of()).run("status", "--owner", "owner@example.com", "--format", "json").out()));
        assertEquals(List.of(), ids(truce(Map.of()).run("status", "--owner", "nobody", "--format", "json").out()));
    }

    @Test
    void mineIsTruceOwnerElseTheLoginName() {
        assertEquals(List.of("cn-licences"),
                ids(truce(Map.of("TRUCE_OWNER", "ana@desk.example", "LOGNAME", "owner")).run("status", "--mine", "--format", "json").out()));
        assertEquals(List.of("us-tariff"),
                ids(truce(Map.of("LOGNAME", "owner")).run("status", "--mine", "--format", "json").out()));
        assertEquals(List.of("us-tariff"),
                ids(truce(Map.of("USER", "owner")).run("status", "--mine", "--format", "json").out()));
    }

    @Test
    void mineSaysWhichNameItUsedAndHowManyRowsHaveOwners() {
        CliRunner.Result none = truce(Map.of("LOGNAME", "zoe")).run("status", "--mine");
        assertEquals(0, none.exitCode(), none::toString);
        assertTrue(none.out().contains("No obligations match."), none::toString);
        assertTrue(none.err().contains("truce status: --mine: owned by 'zoe' (your user name; set $TRUCE_OWNER to use "
                + "another); 2 of 3 obligations have an owner"), none::toString);
        CliRunner.Result set = truce(Map.of("TRUCE_OWNER", "ana@desk.example")).run("status", "--mine");
        assertTrue(set.err().contains("--mine: owned by 'ana@desk.example' ($TRUCE_OWNER)"), set::toString);
    }

    @Test
    void ownerAndMineTogetherOrAnEmptyOwnerAreExitTwo() {
        CliRunner.Result both = truce(Map.of()).run("status", "--owner", "ana", "--mine");
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().startsWith("truce status: --owner and --mine: give one of them"), both.err());
        CliRunner.Result empty = truce(Map.of()).run("status", "--owner", " ");
        assertEquals(2, empty.exitCode(), empty::toString);
        assertTrue(empty.err().startsWith("truce status: --owner: empty"), empty.err());
    }

    @Test
    void statusJsonAndCsvCarryTheWholeOwner() {
        JsonNode row = JSON.readTree(truce(Map.of()).run("status", "--format", "json").out()).get("obligations").get(1);
        assertEquals("cn-licences", row.get("id").asString());
        assertEquals("Ana Lima <ana@desk.example>", row.get("owner").asString());
        assertEquals("2026-07-15T00:01-04:00", row.get("due_as_written").asString());
        String csv = truce(Map.of()).run("status", "--format", "csv").out();
        assertTrue(csv.contains("Ana Lima <ana@desk.example>"), csv);
    }

    @Test
    void showJsonHasTheObligationAsStatusGivesItAndItsEvidence() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: cn-licences
                  date: 2026-06-20
                  stance: breaches
                  claimant: US
                  basis: statement
                  source: USTR statement
                - obligation: cn-licences
                  date: 2026-07-01
                  stance: complies
                  claimant: CN
                  basis: act
                  source: MOFCOM notice
                """);
        CliRunner.Result show = truce(Map.of()).run("show", "cn-licences", "--format", "json");
        assertEquals(0, show.exitCode(), show::toString);
        JsonNode root = JSON.readTree(show.out());
        JsonNode fromStatus = JSON.readTree(truce(Map.of()).run("status", "--format", "json").out()).get("obligations").get(1);
        assertEquals(fromStatus, root.get("obligation"));
        assertEquals("breach-alleged", root.get("obligation").get("compliance").asString());
        assertEquals(2, root.get("evidence").size());
        assertTrue(root.get("evidence").get(0).get("counted").asBoolean());
        assertTrue(!root.get("evidence").get(1).get("counted").asBoolean(), "dated after the as-of: shown, not counted");
        assertEquals("MOFCOM notice", root.get("evidence").get(1).get("source").asString());
    }

    @Test
    void showRefusesAnUnknownFormatNamingTheFlag() {
        CliRunner.Result r = truce(Map.of()).run("show", "cn-licences", "--format", "csv");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--format"), r.err());
    }
}
