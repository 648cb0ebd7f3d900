package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce calendar` read back by biweekly, an iCalendar parser independent of ical4j, which wrote it:
 * what Outlook or Google Calendar would see.
 */
class CalendarCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneEventPerDeadlineTimedInTheTruceZoneWithAnAlarmPerThreshold() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("calendar");
        assertEquals(0, result.exitCode(), result::toString);
        ICalendar calendar = parse(result.out());
        Map<String, VEvent> events = byUid(calendar);
        assertEquals(29, events.size(), "25 obligations with a deadline, the truce itself, and the reported end of the "
                + "truce and of the three open obligations that follow it (tentative events)");

        VEvent us = events.get("us-reciprocal-suspension@us-cn-2025.truce");
        assertEquals(Instant.parse("2026-11-10T05:01:00Z"), us.getDateStart().getValue().toInstant());
        assertTrue(us.getDateStart().getValue().hasTime());
        assertEquals("America/New_York", zoneOf(calendar, us));
        assertTrue(result.out().contains("DTSTART;TZID=America/New_York:20261110T000100"), "00:01 EST as written");
        assertEquals(2, us.getSequence().getValue(), "two extensions so far");
        assertEquals("US deadline: Suspend 24 points of the 34% reciprocal duty on PRC goods, keep 10%",
                us.getSummary().getValue());
        String description = us.getDescription().getValue();
        for (String expected : List.of("Obligation: us-reciprocal-suspension", "Party: US · Kind: paused-tariff",
                "Deadline: 2026-11-10 00:01 EST, with the truce",
                "Status: ended from 2026-02-24 00:01 EST (Learning Resources, Inc. v. Trump", "Sources:\n- Geneva joint statement",
                "- to 2026-11-10 00:01 EST on 2025-11-04 by EO 14358 (2025-11-04), \"Kuala Lumpur Joint Arrangement\"",
                "- to 2025-11-10 00:01 EST on 2025-08-11 by EO 14334 (2025-08-11)")) {
            assertTrue(description.contains(expected), () -> expected + " not in\n" + description);
        }
        // settled means settled: the suspension the court voided is a cancelled event that rings no alarm
        assertEquals("CANCELLED", us.getStatus().getValue());
        assertTrue(us.getAlarms().isEmpty());
        VEvent soybeans = events.get("cn-soybeans-2027@us-cn-2025.truce");
        assertEquals(null, soybeans.getStatus());
        assertEquals(List.of(Duration.ofDays(-30), Duration.ofDays(-14), Duration.ofDays(-7), Duration.ofDays(-3),
                Duration.ofDays(-1), Duration.ZERO), triggers(soybeans));
        assertEquals("DISPLAY", soybeans.getAlarms().get(0).getAction().getValue());
        assertEquals("CN deadline: Buy at least 25 MMT of US soybeans in 2027 (in 30 days)",
                soybeans.getAlarms().get(0).getDescription().getValue());
        VEvent fulfilled = events.get("cn-soybeans-2025@us-cn-2025.truce");
        assertEquals(null, fulfilled.getStatus(), "a commitment met stays a plain dated record");
        assertTrue(fulfilled.getAlarms().isEmpty());
    }

    @Test
    void aDeadlineInSummerTimeIsReadInSummerTime() {
        TestFiles.copyShipped(dir);
        ICalendar calendar = parse(new CliRunner(dir).run("calendar").out());
        VEvent uel = byUid(calendar).get("cn-uel-suspension@us-cn-2025.truce");
        assertEquals(Instant.parse("2025-08-12T04:01:00Z"), uel.getDateStart().getValue().toInstant(), "00:01 EDT");
        VEvent cn = byUid(calendar).get("cn-reciprocal-suspension@us-cn-2025.truce");
        assertEquals(Instant.parse("2026-11-10T05:01:00Z"), cn.getDateStart().getValue().toInstant(), "13:01 Beijing");
    }

    @Test
    void aDateDeadlineIsAnAllDayEventOnItsLastDay() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("calendar");
        VEvent affiliates = byUid(parse(result.out())).get("us-affiliates-rule-suspension@us-cn-2025.truce");
        assertFalse(affiliates.getDateStart().getValue().hasTime());
        assertEquals("2026-11-09", affiliates.getDateStart().getValue().getRawComponents().toDate().toInstant()
                .atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString());
        assertTrue(result.out().contains("DTSTART;VALUE=DATE:20261109\r\nDTEND;VALUE=DATE:20261110\r\n"), result.out());
        assertEquals("TRANSPARENT", affiliates.getTransparency().getValue(), "a deadline keeps nobody busy");
    }

    @Test
    void reimportingAfterAnExtensionMovesTheSameEventsInsteadOfAddingCopies() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        Map<String, VEvent> before = byUid(parse(new CliRunner(dir).run("calendar").out()));

        String text = Files.readString(file);
        text = text.replace("    due: 2026-11-27\n", """
                    due: 2026-11-27
                    extensions:
                      - decided: 2026-11-20
                        until: 2027-11-27
                        source: MOFCOM announcement (test)
                """);
        text = text.replace("""
                      no later extension
                        is confirmed in our sources.
                """, "") ;
        Files.writeString(file, text);
        Map<String, VEvent> after = byUid(parse(new CliRunner(dir).at("2026-11-27T12:00:00Z").run("calendar").out()));

        assertEquals(before.keySet(), after.keySet(), "the same UIDs, so calendar clients update in place");
        VEvent moved = after.get("cn-ga-ge-sb-ban-suspension@us-cn-2025.truce");
        assertEquals(0, before.get("cn-ga-ge-sb-ban-suspension@us-cn-2025.truce").getSequence().getValue());
        assertEquals(1, moved.getSequence().getValue(), "SEQUENCE rises so the update wins");
        assertTrue(moved.getDescription().getValue().contains("- to 2027-11-27 on 2026-11-20 by MOFCOM announcement (test)"));
        assertTrue(new CliRunner(dir).at("2026-11-27T12:00:00Z").run("calendar").out()
                .contains("DTSTART;VALUE=DATE:20271127"));
        assertEquals(before.get("us-reciprocal-suspension@us-cn-2025.truce").getSequence().getValue(),
                after.get("us-reciprocal-suspension@us-cn-2025.truce").getSequence().getValue());
    }

    @Test
    void aDueDateCorrectedByHandRaisesTheSequenceOnceAndItNeverFalls() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        String uid = "cn-ga-ge-sb-ban-suspension@us-cn-2025.truce";
        CliRunner truce = new CliRunner(dir);
        assertEquals(0, byUid(parse(truce.run("calendar").out())).get(uid).getSequence().getValue());
        assertEquals(0, byUid(parse(truce.run("calendar").out())).get(uid).getSequence().getValue(), "nothing changed");

        Files.writeString(file, Files.readString(file).replace("    due: 2026-11-27\n", "    due: 2026-11-28\n"));
        CliRunner.Result corrected = truce.run("calendar");
        assertEquals("", corrected.err());
        Map<String, VEvent> events = byUid(parse(corrected.out()));
        assertEquals(1, events.get(uid).getSequence().getValue(), "a typo fixed in the due date replaces the event");
        assertEquals(2, events.get("us-reciprocal-suspension@us-cn-2025.truce").getSequence().getValue(), "untouched");
        assertEquals(1, byUid(parse(truce.run("calendar").out())).get(uid).getSequence().getValue(), "and stays");

        Files.writeString(file, Files.readString(file).replace("    due: 2026-11-28\n", "    due: 2026-11-27\n"));
        assertEquals(2, byUid(parse(truce.run("calendar").out())).get(uid).getSequence().getValue(),
                "put back: a change again, never a lower sequence");
        assertTrue(Files.isRegularFile(dir.resolve(".truce/calendar.properties")));
    }

    @Test
    void withAStateFolderThatCannotBeWrittenTheCalendarIsStillWrittenWithAWarning() throws Exception {
        TestFiles.copyShipped(dir);
        Files.writeString(dir.resolve(".truce"), "a file where the state folder would be");
        CliRunner.Result result = new CliRunner(dir).run("calendar");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(29, byUid(parse(result.out())).size());
        assertTrue(result.err().startsWith("truce: warning: cannot keep the calendar's state in "), result.err());
    }

    @Test
    void aTruceExtensionMovesEveryTruceEndEvent() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        Map<String, VEvent> before = byUid(parse(new CliRunner(dir).run("calendar").out()));
        String text = Files.readString(file);
        String anchor = "      source: EO 14358 (2025-11-04), \"Kuala Lumpur Joint Arrangement\"\n";
        assertTrue(text.contains(anchor));
        int insertAt = text.indexOf("  sources:\n    - Geneva joint statement, 2025-05-12\n    - EO 14298");
        text = text.substring(0, insertAt) + """
                    - decided: 2026-11-09
                      until: 2027-11-10T00:01-05:00
                      source: EO 99999 (test)
                """ + text.substring(insertAt);
        Files.writeString(file, text);
        Map<String, VEvent> after = byUid(parse(new CliRunner(dir).run("calendar").out()));
        assertTrue(before.containsKey("reported.truce-end@us-cn-2025.truce"));
        assertEquals(before.keySet().stream().filter(uid -> !uid.startsWith("reported.")).collect(Collectors.toSet()),
                after.keySet(), "the instrument enacted later than the report: the tentative events are gone");
        for (String uid : List.of("truce-end@us-cn-2025.truce", "cn-rare-earth-licensing@us-cn-2025.truce")) {
            assertEquals(3, after.get(uid).getSequence().getValue(), uid);
            assertEquals(Instant.parse("2027-11-10T05:01:00Z"), after.get(uid).getDateStart().getValue().toInstant(), uid);
        }
        // settled means settled: the suspension the court voided keeps the deadline that stood when it ended
        VEvent ended = after.get("us-reciprocal-suspension@us-cn-2025.truce");
        assertEquals(2, ended.getSequence().getValue());
        assertEquals(Instant.parse("2026-11-10T05:01:00Z"), ended.getDateStart().getValue().toInstant());
    }

    @Test
    void writesTheFileWhenAskedAndNeverOverAnInput() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        CliRunner.Result written = new CliRunner(dir).run("calendar", "-o", "truce.ics");
        assertEquals(0, written.exitCode(), written::toString);
        assertEquals("", written.out());
        assertEquals(29, byUid(parse(Files.readString(dir.resolve("truce.ics")))).size());

        String original = Files.readString(file);
        CliRunner.Result refused = new CliRunner(dir).run("calendar", "-o", "obligations.yaml");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertEquals("truce calendar: -o obligations.yaml: that is an input file; truce never overwrites it\n", refused.err());
        assertEquals(original, Files.readString(file));

        CliRunner.Result nowhere = new CliRunner(dir).run("calendar", "-o", "no/such/dir/truce.ics");
        assertEquals(2, nowhere.exitCode(), nowhere::toString);
        assertEquals("truce calendar: -o no/such/dir/truce.ics: the folder does not exist\n", nowhere.err());
        CliRunner.Result folder = new CliRunner(dir).run("calendar", "-o", ".");
        assertEquals(2, folder.exitCode(), folder::toString);
        assertEquals("truce calendar: -o .: is a directory (expected a file name)\n", folder.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(".truce", "evidence.yaml", "obligations.yaml", "truce.ics"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left behind");
        }
        try (var files = Files.list(dir.resolve(".truce"))) {
            assertEquals(List.of("calendar.properties"), files.map(p -> p.getFileName().toString()).toList(),
                    "the calendar as emitted, no temp file");
        }
    }

    @Test
    void onADayTheClocksChangeTheDeadlineIsWrittenAsItsExactInstant() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        Files.writeString(file, Files.readString(file).replace("    due: 2026-11-27\n", "    due: 2026-11-01T01:30-05:00\n"));
        CliRunner.Result result = new CliRunner(dir).at("2026-10-01T12:00:00Z").run("calendar");
        VEvent event = byUid(parse(result.out())).get("cn-ga-ge-sb-ban-suspension@us-cn-2025.truce");
        assertEquals(Instant.parse("2026-11-01T06:30:00Z"), event.getDateStart().getValue().toInstant(),
                "the second 01:30 of the night DST ends, not the first");
        assertTrue(result.out().contains("DTSTART:20261101T063000Z"), "on a day the clocks change, the exact instant");
    }

    @Test
    void aHostileFileRoundTripsThroughAnIndependentParser() {
        TestFiles.writeHostile(dir);
        CliRunner.Result result = new CliRunner(dir).at("2026-10-31T12:00:00Z").run("calendar");
        assertEquals(0, result.exitCode(), result::toString);
        ICalendar calendar = parse(result.out());
        Map<String, VEvent> events = byUid(calendar);
        assertEquals(1 + TestFiles.HOSTILE_COUNT - TestFiles.HOSTILE_COUNT / 6, events.size());
        assertEquals(List.of(), result.out().lines().filter(line -> line.getBytes(StandardCharsets.UTF_8).length > 75)
                .limit(3).toList(), "RFC 5545 lines of at most 75 octets, Chinese and emoji included");

        VEvent markup = events.get("o-0007@odd-truce.truce");
        assertEquals("US deadline: " + TestFiles.MARKUP_TITLE.replace('\n', ' '), markup.getSummary().getValue());
        assertEquals("CN & <HK> deadline: semi; colon, comma | pipe \\ backslash :colon #3",
                events.get("o-0003@odd-truce.truce").getSummary().getValue());
        String longTitle = events.get("o-0001@odd-truce.truce").getSummary().getValue();
        assertEquals("US deadline: ".length() + "Very long title ".repeat(200).trim().length() + " #1".length(), longTitle.length());
        assertTrue(events.containsKey("o-0970-" + "x".repeat(80) + "@odd-truce.truce"));
        assertEquals(List.of(Duration.ofDays(-30), Duration.ofDays(-7), Duration.ZERO), triggers(markup));

        assertTrue(events.get("o-0005@odd-truce.truce").getDescription().getValue().contains(
                "\nCompliance: breached (stale) · 2 evidence, newest 2026-04-15: EU <Chamber> & co says breaches "
                + "(data, Gazette </li><li>injected & <b>bold</b> #5)\n"));

        VEvent truceEnd = events.get("truce-end@odd-truce.truce");
        assertEquals("Truce ends: Trêve <i>tarifaire</i> \"quoted\" ; a,b | c \\ d 关税 🚢", truceEnd.getSummary().getValue());
        assertEquals(Instant.parse("2027-03-14T06:30:00Z"), truceEnd.getDateStart().getValue().toInstant());
        VEvent repeatedHour = events.get("o-0003@odd-truce.truce");
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), repeatedHour.getDateStart().getValue().toInstant());
    }

    private static ICalendar parse(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertNotNull(calendar, "not an iCalendar file:\n" + text);
        assertEquals(List.of(List.of()), warnings, "the parser found nothing to complain about");
        return calendar;
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
    }

    private static String zoneOf(ICalendar calendar, VEvent event) {
        TimezoneAssignment zone = calendar.getTimezoneInfo().getTimezone(event.getDateStart());
        return zone.getComponent().getTimezoneId().getValue();
    }

    private static List<Duration> triggers(VEvent event) {
        return event.getAlarms().stream().map(VAlarm::getTrigger)
                .map(t -> Duration.ofMillis(t.getDuration().toMillis())).toList();
    }
}
