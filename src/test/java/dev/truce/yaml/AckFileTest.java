package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Ack;
import dev.truce.domain.AckEntry;
import dev.truce.domain.AckLift;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** acks.yaml read from inline text and appended to: the entries, every problem at its place, and no torn entry read. */
class AckFileTest {
    private static final Instant ACKED = Instant.parse("2026-06-23T11:00:00Z");
    /** us-tariff is due through 2026-06-30 in New York: its deadline is the start of 07-01 there. */
    private static final Instant TARIFF_DEADLINE = Instant.parse("2026-07-01T04:00:00Z");

    @TempDir
    Path dir;

    private Register register;

    @BeforeEach
    void obligations() {
        register = new ObligationsFileReader().read(TruceFixture.writeDefault(dir), "obligations.yaml").register();
    }

    private Path file() {
        return dir.resolve("acks.yaml");
    }

    private AckBinding binding() {
        return new AckBinding("acks.yaml", register, "obligations.yaml");
    }

    private List<AckEntry> read(String text) throws IOException {
        Files.writeString(file(), text, StandardCharsets.UTF_8);
        return new EntryFileReader().readAll(file(), binding());
    }

    private List<String> problems(String text) throws IOException {
        Files.writeString(file(), text, StandardCharsets.UTF_8);
        TruceException e = assertThrows(TruceException.class, () -> new EntryFileReader().readAll(file(), binding()));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        return e.lines();
    }

    private static Ack tariffAck(String reason) {
        return new Ack("t-1", "us-tariff", ACKED, "ana", reason, LocalDate.parse("2026-06-26"),
                Instant.parse("2026-06-27T04:00:00Z"), ComplianceState.NO_EVIDENCE, TARIFF_DEADLINE);
    }

    private void append(AckEntry entry) {
        new EntryAppender(new EntryFileReader()).append(file(), binding(), entry, EntryAppender.Listener.NONE);
    }

    @Test
    void readsAnAckAndALiftWithTheirMomentsInTheTruceZone() throws IOException {
        List<AckEntry> entries = read("""
                - obligation: us-tariff
                  acked: 2026-06-23T11:00:00Z
                  until: 2026-06-26
                  compliance: no-evidence
                  due: 2026-06-30
                  reason: waiting for the order
                  by: ana
                - obligation: open-thing
                  acked: 2026-06-23T11:00:00Z
                  compliance: no-evidence
                  due: none
                  reason: no deadline
                  by: "bo"
                - obligation: us-tariff
                  lifted: 2026-06-24T09:30:00Z
                  by: cy
                """);
        assertEquals(List.of(tariffAck("waiting for the order"),
                new Ack("t-1", "open-thing", ACKED, "bo", "no deadline", null, null, ComplianceState.NO_EVIDENCE, null),
                new AckLift("us-tariff", Instant.parse("2026-06-24T09:30:00Z"), "cy", null)), entries);
    }

    @Test
    void writesOneEntryPerLineKeysInOrderAndADeadlineAtTheEndOfADayAsThatDay() throws IOException {
        append(tariffAck("waiting for the order, as \"USTR\" said"));
        append(new AckLift("us-tariff", ACKED.plusSeconds(60), "bo", null));
        String text = Files.readString(file());
        assertTrue(text.startsWith(AckBinding.HEADER + "\n"), text);
        assertEquals("""
                - {obligation: us-tariff, acked: 2026-06-23T11:00:00Z, until: 2026-06-26, compliance: no-evidence, \
                due: 2026-06-30, reason: "waiting for the order, as \\"USTR\\" said", by: ana}

                - {obligation: us-tariff, lifted: 2026-06-23T11:01:00Z, by: bo}
                """, text.substring(AckBinding.HEADER.length() + 1));
    }

    @Test
    void reportsEveryProblemAtOnceWithItsLineAndColumn() throws IOException {
        assertEquals(List.of(
                "acks.yaml:1:15: [0].obligation: 'us-tarif' is not an obligation in obligations.yaml; did you mean 'us-tariff'?",
                "acks.yaml:8:3: [1]: missing acked (an ack) or lifted (a lift)",
                "acks.yaml:12:8: [2].due: is the deadline in force when acknowledged: none, a date or a date-time with "
                        + "offset, not truce-end",
                "acks.yaml:16:3: [3].by: missing (expected who, on one line, at most 200 characters)",
                "acks.yaml:20:15: [4].compliance: a lift (lifted) takes no compliance: it ends the ack in force, whatever "
                        + "it was given for",
                "acks.yaml:24:11: [5].lifted: an entry is an ack (acked) or a lift (lifted), not both"),
                problems("""
                - obligation: us-tarif
                  acked: 2026-06-23T11:00:00Z
                  compliance: no-evidence
                  due: 2026-06-30
                  reason: r
                  by: ana

                - obligation: us-tariff
                  by: ana
                - obligation: us-tariff
                  acked: 2026-06-23T11:00:00Z
                  due: truce-end
                  compliance: no-evidence
                  reason: r
                  by: ana
                - obligation: us-tariff
                  lifted: 2026-06-23T11:00:00Z
                - obligation: us-tariff
                  lifted: 2026-06-23T11:00:00Z
                  compliance: breached
                  by: ana
                - obligation: us-tariff
                  acked: 2026-06-23T11:00:00Z
                  lifted: 2026-06-23T11:00:00Z
                  compliance: no-evidence
                  due: 2026-06-30
                  reason: r
                  by: ana
                """));
    }

    @Test
    void anAckNeedsWhatItWasGivenForAndFitsTheLimitsOfWhatTheLedgerHeld() throws IOException {
        List<String> lines = problems("""
                - obligation: us-tariff
                  acked: 2026-06-23T11:00:00Z
                  by: ana
                - obligation: us-tariff
                  acked: 2026-06-23T11:00:00Z
                  compliance: no-evidence
                  due: 2026-06-30
                  reason: %s
                  by: "two\\nlines"
                """.formatted("r".repeat(2001)));
        assertEquals(List.of("acks.yaml:1:3: [0].compliance: missing: an ack (acked) records compliance (truce ack writes it)",
                "acks.yaml:1:3: [0].due: missing: an ack (acked) records due (truce ack writes it)",
                "acks.yaml:1:3: [0].reason: missing: an ack (acked) records reason (truce ack writes it)"),
                lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith("acks.yaml:8:11: [1].reason: 'rrrr"), lines.get(3));
        assertTrue(lines.get(3).endsWith("is longer than 2000 characters (expected why, at most 2000 characters)"),
                lines.get(3));
        assertTrue(lines.get(4).startsWith("acks.yaml:9:7: [1].by: "), lines.get(4));
        assertTrue(lines.get(4).contains("must be one line"), lines.get(4));
    }

    @Test
    void aBrokenEntryIsSkippedTheRestIsReadAndItsObligationIsNamed() throws IOException {
        Files.writeString(file(), """
                - obligation: cn-licences
                  acked: 2026-06-23T11:00:00Z
                  compliance: no-evidence
                  due: 2026-07-15T00:01-04:00
                  reason: r
                  by: "ana"
                - {obligation: us-tariff, lifted: 2026-06-24T11:00:00Z, by: "ana
                """);
        List<AckEntry> entries = new ArrayList<>();
        EntryFileReader.Read read = new EntryFileReader().read(file(), binding(), entries::add);
        assertEquals(1, entries.size());
        assertEquals(java.util.Set.of("us-tariff"), read.broken(), "the torn lift is us-tariff's");
        assertTrue(read.problems().get(0).render().startsWith("acks.yaml:7:"), read.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "raised with \"MOFCOM\": see the note # not a comment",
        "line one\nline two\r\nline three",
        "- starts like a list item",
        "# starts like a comment",
        "'single' and \\backslash\\",
        "controls: \u0007 bell \u001b[2J escape \u007f del \u009b csi",
        "bidi: abc\u202Edcba\u202C and \u2066isolate\u2069",
        "tab\there, NEL\u0085, line separator\u2028 and a BOM \uFEFF",
        "yes",
        "2026-06-30",
        "  leading and trailing spaces  ",
        "中文: 稀土出口许可",
    })
    void aHostileReasonReadsBackExactlyAndTheFileShowsNoRawControlOrBidiCharacter(String reason) throws IOException {
        append(tariffAck("first"));
        append(tariffAck(reason));
        assertEquals(List.of(tariffAck("first"), tariffAck(reason)), new EntryFileReader().readAll(file(), binding()));
        String text = Files.readString(file());
        assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F
                || dev.truce.domain.Phrases.isBidiControl((char) c) || c == 0x2028 || c == 0xFEFF), text);
        assertEquals(List.of("- {obligation: us-tariff", "- {obligation: us-tariff"), text.lines()
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).map(l -> l.substring(0, l.indexOf(','))).toList(),
                "one line each: no line break let through");
    }

    /**
     * A kill -9 in the middle of the one write of an entry leaves a prefix of its bytes. Whatever the cut, the file
     * reads as before, or as a problem (the brace is left open: never a shorter ack or lift that would be honoured),
     * and the next append refuses to write after it.
     */
    @Test
    void everyPrefixOfAnAppendedAckOrLiftReadsAsNothingAsTheWholeEntryOrAsAProblem() throws IOException {
        append(tariffAck("first"));
        for (AckEntry entry : List.of(tariffAck("raised with \"USTR\": waiting"),
                new AckLift("us-tariff", ACKED.plusSeconds(60), "bo", "answered"))) {
            byte[] before = Files.readAllBytes(file());
            List<AckEntry> old = new EntryFileReader().readAll(file(), binding());
            append(entry);
            byte[] whole = Files.readAllBytes(file());
            int refused = 0;
            for (int cut = before.length; cut < whole.length; cut++) {
                Files.write(file(), Arrays.copyOf(whole, cut));
                List<AckEntry> read;
                try {
                    read = new EntryFileReader().readAll(file(), binding());
                } catch (TruceException reported) {
                    if (cut % 5 == 0) {
                        byte[] torn = Files.readAllBytes(file());
                        assertThrows(TruceException.class, () -> append(tariffAck("after a torn tail")), "cut " + cut);
                        assertArrayEquals(torn, Files.readAllBytes(file()));
                    }
                    refused++;
                    continue;
                }
                if (read.size() == old.size()) {
                    assertEquals(old, read, "cut at " + cut);
                    assertTrue(new String(whole, before.length, cut - before.length, StandardCharsets.UTF_8).isBlank(),
                            "only the separating line break may be cut without a report; cut at " + cut);
                } else {
                    assertEquals(entry, read.get(read.size() - 1), "a torn entry read as valid; cut at " + cut);
                }
            }
            assertTrue(refused > 20, "refused " + refused);
            Files.write(file(), whole);
        }
    }
}
