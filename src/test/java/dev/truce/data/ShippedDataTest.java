package dev.truce.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The shipped obligations.yaml and evidence.yaml tell the truth as far as our sources go (to about 2026-10-10):
 * they validate, and `status --as-of` gives the timelines below on six dates, checked by hand against
 * the instruments (see the research notes in the commits that added the data). Where the sources stop,
 * the state is `unresolved`, never a guessed outcome, and no row ever says `expired`. On 2026-08-01 the
 * Section 122 surcharge is replaced by the forced-labour duty; on 2026-12-07 the general licences (due
 * 2026-12-02) have passed too, and the truce shows its reported end beside the enacted one.
 */
class ShippedDataTest {
    private static final List<String> DATES = List.of("2025-06-01", "2025-12-01", "2026-03-01", "2026-08-01",
            "2026-12-01", "2026-12-07");

    /** id, then the timeline on each date, with days left where a deadline is in play ("active 72"). */
    private static final List<List<String>> EXPECTED = List.of(
            row("(truce)", "active 72", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("us-reciprocal-suspension", "active 72", "active 344", "ended", "ended", "ended", "ended"),
            row("us-april-increases-removed", "active", "active", "ended", "ended", "ended", "ended"),
            row("us-restrictive-measures", "active 72", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-reciprocal-suspension", "active 72", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-april-increases-removed", "active", "active", "active", "active", "active", "active"),
            row("cn-nontariff-countermeasures", "active 72", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-uel-suspension", "active 72", "replaced", "replaced", "replaced", "replaced", "replaced"),
            row("cn-export-control-list-suspension", "active 72", "replaced", "replaced", "replaced", "replaced", "replaced"),
            row("cn-rare-earth-licensing", "active 72", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-uel-11-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-uel-6-terminated", "pending", "active", "active", "active", "active", "active"),
            row("cn-export-control-list-16-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-export-control-list-12-terminated", "pending", "active", "active", "active", "active", "active"),
            row("joint-consultation-mechanism", "active", "active", "active", "active", "active", "active"),
            row("us-fentanyl-tariff-cut", "pending", "active", "ended", "ended", "ended", "ended"),
            row("us-100pct-tariff-dropped", "pending", "active", "active", "active", "active", "active"),
            row("us-affiliates-rule-suspension", "pending", "active 343", "active 253", "active 100", "unresolved -22", "unresolved -28"),
            row("us-section301-ship-fees-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("us-section301-exclusions", "active 91", "active 343", "active 253", "active 100", "unresolved -22", "unresolved -28"),
            row("cn-mofcom-70-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-ga-ge-sb-ban-suspension", "pending", "active 361", "active 271", "active 118", "unresolved -4", "unresolved -10"),
            row("cn-march-farm-tariffs-removed", "pending", "active", "active", "active", "active", "active"),
            row("cn-march-measures-removed", "pending", "active", "active", "active", "active", "active"),
            row("cn-soybean-licences-logs-restored", "pending", "active", "active", "active", "active", "active"),
            row("cn-shipping-probe-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-chip-probes-ended", "pending", "active", "active", "active", "active", "active"),
            row("cn-nexperia-exports", "pending", "active", "active", "active", "active", "active"),
            row("cn-fentanyl-precursor-controls", "pending", "active", "active", "active", "active", "active"),
            row("cn-general-licences", "pending", "pending", "active 276", "active 123", "due-soon 1", "unresolved -5"),
            row("cn-tariff-exclusions-extension", "pending", "active 395", "active 305", "active 152", "due-soon 30", "due-soon 24"),
            row("cn-port-fees-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-hanwha-sanctions-suspension", "pending", "active 344", "active 254", "active 101", "unresolved -21", "unresolved -27"),
            row("cn-soybeans-2025", "pending", "due-soon 30", "fulfilled", "fulfilled", "fulfilled", "fulfilled"),
            row("cn-soybeans-2026", "pending", "pending", "active 305", "active 152", "due-soon 30", "due-soon 24"),
            row("cn-soybeans-2027", "pending", "pending", "pending", "pending", "pending", "pending"),
            row("cn-soybeans-2028", "pending", "pending", "pending", "pending", "pending", "pending"),
            row("us-section122-surcharge", "pending", "pending", "active 145", "replaced", "replaced", "replaced"),
            row("us-section301-forced-labor", "pending", "pending", "pending", "active", "active", "active"));

    private static List<String> row(String id, String... states) {
        List<String> row = new ArrayList<>();
        row.add(id);
        row.addAll(List.of(states));
        return row;
    }

    private final CliRunner cli = new CliRunner(Path.of(".")).at("2026-12-07T17:00:00Z");

    @Test
    void theShippedFilesValidate() {
        CliRunner.Result r = cli.run("validate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("OK: 38 obligations, 60 evidence entries (evidence.yaml), truce ends 2026-11-10 00:01 EST"), r::toString);
        assertEquals("", r.err(), "no warning on the shipped files");
    }

    static Stream<Arguments> dates() {
        return DATES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "as of {0}")
    @MethodSource("dates")
    void everyTimelineOnTheDateIsTheOneCheckedByHand(String date) {
        int column = DATES.indexOf(date) + 1;
        JsonNode json = status(date);
        Map<String, String> actual = new HashMap<>();
        for (JsonNode o : json.get("obligations")) {
            String timeline = o.get("timeline").asString();
            boolean counting = !o.get("days_left").isNull() && !isOutcome(timeline) && !timeline.equals("pending");
            actual.put(o.get("id").asString(), timeline + (counting ? " " + o.get("days_left").asInt() : ""));
        }
        JsonNode truce = json.get("truce");
        actual.put("(truce)", truce.get("timeline").asString() + " " + truce.get("days_left").asInt());
        Map<String, String> expected = new HashMap<>();
        EXPECTED.forEach(row -> expected.put(row.get(0), row.get(column)));
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "as of {0}")
    @MethodSource("dates")
    void noRowEverSaysExpired(String date) {
        for (String format : List.of("table", "csv", "json", "markdown")) {
            CliRunner.Result r = cli.run("status", "--as-of", date, "--format", format);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(!r.out().contains("expired"), format + " on " + date + " says expired:\n" + r.out());
        }
    }

    @Test
    void todayTheEndedUsSuspensionsSayWhyAndThePassedDeadlinesSayTheyAreNotKnown() {
        CliRunner.Result r = cli.run("status", "--as-of", "2026-12-01");
        assertTrue(r.out().contains("Truce deadline passed 2026-11-10 00:01 EST (21 days ago): outcome not recorded"),
                r::toString);
        CliRunner.Result show = cli.run("show", "us-reciprocal-suspension", "--as-of", "2026-12-01");
        assertTrue(show.out().contains("  outcome    ended from 2026-02-24 00:01 EST; decided 2026-02-20; source: "
                + "Learning Resources, Inc. v. Trump"), show::toString);
        assertTrue(show.out().contains("nothing to snap back"), show::toString);
        CliRunner.Result ga = cli.run("show", "cn-ga-ge-sb-ban-suspension", "--as-of", "2026-12-01");
        assertTrue(ga.out().contains("  outcome    not recorded: the deadline passed 3 days ago; whether it lapsed, "
                + "was extended or ended is not known here."), ga::toString);
        CliRunner.Result split = cli.run("show", "cn-uel-suspension", "--as-of", "2026-12-01");
        assertTrue(split.out().contains("Replaced by (look there instead):\n  cn-uel-11-suspension"), split::toString);
    }

    @Test
    void todayTheReportedExtensionStandsBesideTheEnactedEndAndMovesNothing() {
        CliRunner.Result r = cli.run("status", "--no-color");
        assertTrue(r.out().contains("Truce deadline passed 2026-11-10 00:01 EST (27 days ago): outcome not recorded · "
                + "reported: to 2027-01-10 (not enacted)"), r::toString);
        String port = r.out().lines().filter(l -> l.startsWith("cn-port-fees-suspension ")).findFirst().orElseThrow();
        assertTrue(port.contains("2026-11-10 00:01 EST  -27   unresolved "), "its own clock: no report on it: " + port);
        CliRunner.Result show = cli.run("show", "us-section122-surcharge");
        assertTrue(show.out().contains("it was replaced: look at us-section301-forced-labor instead."), show::toString);
        CliRunner.Result rare = cli.run("show", "cn-rare-earth-licensing");
        assertTrue(rare.out().contains("  why        a breach claim resting on an act or data, not overtaken by a complies "
                + "resting on an act or data: 2025-06-04, EU Chamber says breaches (data)"), rare::toString);
        assertTrue(rare.out().contains("Record it: truce outcome cn-rare-earth-licensing --result RESULT --source TEXT, "
                + "or truce extend --truce --until DATE --source TEXT if it was extended."), rare::toString);
    }

    @Test
    void theEvidenceIsSourcedAndReachesInto2026() throws IOException {
        CliRunner.Result r = cli.run("evidence", "list", "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode entries = new ObjectMapper().readTree(r.out()).get("entries");
        assertTrue(entries.size() >= 25, "at least 25 entries: " + entries.size());
        int in2026 = 0;
        for (JsonNode e : entries) {
            for (String key : List.of("obligation", "date", "stance", "claimant", "basis", "source")) {
                assertTrue(!e.get(key).isNull() && !e.get(key).asString().isBlank(), key + " in " + e);
            }
            in2026 += e.get("date").asString().startsWith("2026") ? 1 : 0;
        }
        assertTrue(in2026 >= 5, "at least 5 entries dated in 2026: " + in2026);
        String text = Files.readString(Path.of("evidence.yaml"));
        assertTrue(text.contains("amount: 0.332"), "USDA's 332,000 t, in MMT");
        assertTrue(text.contains("amount: 12"), "the soybean statement of 2026-01-20");
    }

    private JsonNode status(String date) {
        CliRunner.Result r = cli.run("status", "--as-of", date, "--format", "json");
        assertEquals(0, r.exitCode(), r::toString);
        return new ObjectMapper().readTree(r.out());
    }

    private static boolean isOutcome(String timeline) {
        return List.of("lapsed", "ended", "fulfilled", "missed", "permanent", "replaced").contains(timeline);
    }
}
