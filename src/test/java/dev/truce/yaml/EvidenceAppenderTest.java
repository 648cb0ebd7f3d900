package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Basis;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Appending as text: earlier bytes untouched, every value read back exactly, bad entries and broken ends refused. */
class EvidenceAppenderTest {
    private static final String HAND_WRITTEN = """
            # Our desk's evidence log.   Trailing spaces stay.\t
            # Ünïcode and "quotes" in comments stay too.

            - obligation: cn-uel-suspension   # an end-of-line comment
              date: 2025-05-14
              stance: complies
              claimant: CN
              basis: act
              source: MOFCOM announcement
              note: >-
                Folded text that a person
                wrote by hand.
            """;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("evidence.yaml");
    }

    private static EvidenceBinding binding() {
        return new EvidenceBinding("evidence.yaml", EvidenceFileReaderTest.IDS, "obligations.yaml");
    }

    private static Evidence entry(String note) {
        return Evidence.builder("cn-rare-earth-licensing", Moment.ofDate(LocalDate.parse("2025-06-05")), Stance.BREACHES,
                "EU Chamber", Basis.DATA, "EU Chamber of Commerce in China").note(note)
                .recorded(Instant.parse("2025-06-06T14:03:09Z")).recordedBy("alice").build();
    }

    private EntryAppender.Appended append(Evidence entry) {
        return new EntryAppender(new EntryFileReader()).append(file(), binding(), entry, EntryAppender.Listener.NONE);
    }

    private List<Evidence> readBack() {
        return new EntryFileReader().readAll(file(), binding());
    }

    private byte[] bytes() throws IOException {
        return Files.readAllBytes(file());
    }

    @Test
    void everyByteBeforeTheNewEntryStaysAsItWas() throws IOException {
        Files.writeString(file(), HAND_WRITTEN);
        byte[] before = bytes();
        append(entry("first"));
        byte[] after = bytes();
        assertArrayEquals(before, Arrays.copyOf(after, before.length));
        assertEquals("\n- obligation: cn-rare-earth-licensing\n", new String(after, before.length, 39, StandardCharsets.UTF_8));
        assertEquals(List.of("cn-uel-suspension", "cn-rare-earth-licensing"),
                readBack().stream().map(Evidence::obligation).toList());
    }

    @Test
    void aFileWithoutTrailingLineBreakGetsOneBeforeTheEntry() throws IOException {
        String noNewline = HAND_WRITTEN.stripTrailing();
        Files.writeString(file(), noNewline);
        byte[] before = bytes();
        append(entry("second"));
        String after = Files.readString(file());
        assertArrayEquals(before, Arrays.copyOf(bytes(), before.length));
        assertTrue(after.startsWith(noNewline + "\n\n- obligation: cn-rare-earth-licensing\n"), after);
        assertEquals(2, readBack().size());
        assertEquals("Folded text that a person wrote by hand.", readBack().get(0).note());
    }

    @Test
    void aWindowsFileKeepsItsLineBreaks() throws IOException {
        String crlf = HAND_WRITTEN.replace("\n", "\r\n");
        Files.writeString(file(), crlf);
        append(entry("crlf"));
        String after = Files.readString(file());
        assertTrue(after.startsWith(crlf), "prefix changed");
        assertFalse(after.substring(crlf.length()).replace("\r\n", "").contains("\n"), "bare LF in a CRLF file");
        assertEquals("crlf", readBack().get(1).note());
    }

    @Test
    void anIndentedListGetsEntriesAtItsIndentation() throws IOException {
        String indented = HAND_WRITTEN.replaceAll("(?m)^(?!#)(.)", "  $1");
        Files.writeString(file(), indented);
        append(entry("indented"));
        assertTrue(Files.readString(file()).contains("\n  - obligation: cn-rare-earth-licensing\n    date: 2025-06-05\n"));
        assertEquals(2, readBack().size());
    }

    @Test
    void aMissingFileIsCreatedWithAHeader() {
        EntryAppender.Appended appended = append(entry("new"));
        assertTrue(appended.created());
        assertEquals(List.of(entry("new")), readBack());
        assertTrue(Files.exists(EntryAppender.lockFileOf(file())));
    }

    @Test
    void createdFileStartsWithTheHeaderThenTheEntry() throws IOException {
        append(entry("new"));
        assertEquals(EvidenceText.HEADER + "\n" + """
                - obligation: cn-rare-earth-licensing
                  date: 2025-06-05
                  recorded: 2025-06-06T14:03:09Z
                  stance: breaches
                  claimant: EU Chamber
                  basis: data
                  source: EU Chamber of Commerce in China
                  note: new
                  recorded_by: "alice"
                """, Files.readString(file()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "key: value, with a colon",
        "ends with a colon:",
        "\"double\" and 'single' quotes",
        "'starts with a quote'",
        "line one\nline two\n",
        "  leading and trailing spaces  ",
        "# looks like a comment",
        "text # with a hash",
        "- leading dash",
        "--- three dashes",
        "...",
        "[flow] {map} & *alias !tag %directive @at `tick`",
        "| block > folded",
        "back\\slash \\n not a newline",
        "tab\there, CR\r, bell\u0007, DEL\u007F, NEL\u0085, LS\u2028, BOM\uFEFF",
        "null", "true", "No", "~", "123", "0x1F", "1e3", "2025-06-05", ".inf",
        "Ünïcode 中文 emoji 😀 and a – dash",
        "https://example.com/a?b=c#frag",
    })
    void awkwardTextReadsBackExactly(String text) throws IOException {
        Files.writeString(file(), HAND_WRITTEN);
        Evidence awkward = Evidence.builder("cn-rare-earth-licensing", Moment.ofDateTime(OffsetDateTime.parse("2025-06-05T12:01+08:00")),
                Stance.UNCLEAR, text.replaceAll("[\\r\\n]", " "), Basis.REPORT, text).note(text)
                .recorded(Instant.parse("2025-06-06T14:03:09Z")).recordedBy(text.replaceAll("[\\r\\n]", "_")).build();
        append(awkward);
        assertEquals(awkward, readBack().get(1));
    }

    @Test
    void anUnknownObligationIsRefusedAndTheFileIsUntouched() throws IOException {
        Files.writeString(file(), HAND_WRITTEN);
        byte[] before = bytes();
        Evidence unknown = Evidence.builder("cn-rare-earth-licencing", Moment.ofDate(LocalDate.parse("2025-06-05")),
                Stance.BREACHES, "US", Basis.STATEMENT, "USTR").recorded(Instant.parse("2025-06-06T14:03:09Z"))
                .recordedBy("alice").build();
        TruceException e = assertThrows(TruceException.class, () -> append(unknown));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("'cn-rare-earth-licencing' is not an obligation in obligations.yaml; did you "
                + "mean 'cn-rare-earth-licensing'?"), e.getMessage());
        assertArrayEquals(before, bytes());
    }

    @Test
    void aBrokenLastEntryIsReportedAndNothingIsAppended() throws IOException {
        String broken = HAND_WRITTEN + "\n- obligation: cn-uel-suspension\n  date: 2025-05-14\n  stance: complys\n";
        Files.writeString(file(), broken);
        TruceException e = assertThrows(TruceException.class, () -> append(entry("after broken")));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        assertEquals("evidence.yaml: not appended: fix the problems below first (nothing was written)", e.lines().get(0));
        assertTrue(e.lines().contains("evidence.yaml:16:11: [1].stance: 'complys' is not a stance (expected one of complies, "
                + "breaches, partial, unclear); did you mean 'complies'?"), e.lines().toString());
        assertEquals(broken, Files.readString(file()));
    }

    @Test
    void anUnclosedQuoteAtTheEndWouldSwallowTheEntrySoItIsRefused() throws IOException {
        String torn = HAND_WRITTEN + "\n- obligation: cn-uel-suspension\n  note: \"half a quo";
        Files.writeString(file(), torn);
        TruceException e = assertThrows(TruceException.class, () -> append(entry("swallowed?")));
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
        assertTrue(e.getMessage().contains("does not end with a line break"), e.getMessage());
        assertEquals(torn, Files.readString(file()));
    }

    @Test
    void aListInBracketsIsRefusedRatherThanBroken() throws IOException {
        Files.writeString(file(), "# flow style\n[]\n");
        TruceException e = assertThrows(TruceException.class, () -> append(entry("flow")));
        assertTrue(e.lines().get(0).startsWith("evidence.yaml: cannot append: a '- ' entry added at the end would not "
                + "become the last item"), e.getMessage());
        assertEquals("# flow style\n[]\n", Files.readString(file()));
    }

    @Test
    void aFileOfCommentsOnlyGetsItsFirstEntry() throws IOException {
        Files.writeString(file(), "# just a header, no newline");
        append(entry("first"));
        assertTrue(Files.readString(file()).startsWith("# just a header, no newline\n\n- obligation:"));
        assertEquals(1, readBack().size());
    }

    @Test
    void aLastEntryLongerThanTheTailWindowIsCheckedInFull() throws IOException {
        String longNote = "word ".repeat(FileTail.WINDOW / 4);
        Files.writeString(file(), HAND_WRITTEN + "\n- obligation: cn-uel-suspension\n  date: 2025-05-15\n  stance: complies\n"
                + "  claimant: CN\n  basis: act\n  source: MOFCOM\n  note: |\n" + ("    - " + longNote + "\n").repeat(2));
        append(entry("after a long one"));
        assertEquals(3, readBack().size());
    }

    @Test
    void problemsInEarlierEntriesAreLeftToTheReader() throws IOException {
        // The append checks the end of the file only (a 100,000-entry file is not re-read on every add);
        // every read checks the whole file, so the earlier problem is still reported.
        String earlyProblem = HAND_WRITTEN.replace("claimant: CN", "claimant: CN\n  bogus: key");
        Files.writeString(file(), earlyProblem + "\n- obligation: us-reciprocal-suspension\n  date: 2025-05-14\n"
                + "  stance: complies\n  claimant: US\n  basis: act\n  source: EO 14298\n");
        append(entry("appended"));
        TruceException e = assertThrows(TruceException.class, this::readBack);
        assertTrue(e.getMessage().startsWith("evidence.yaml:8:3: [0]: 'bogus' is not a key here"), e.getMessage());
    }

    /**
     * A crash or kill during the write can leave any prefix of the appended bytes. For every one of
     * them the file must read as before, read with the whole entry, or be reported: never a shorter,
     * different entry read as valid. And the next append must refuse to write after such a tail.
     */
    @Test
    void everyPrefixOfAnAppendedEntryReadsAsNothingAsTheWholeEntryOrAsAProblem() throws IOException {
        Files.writeString(file(), HAND_WRITTEN);
        byte[] before = bytes();
        List<Evidence> old = readBack();
        Evidence entry = Evidence.builder("cn-rare-earth-licensing", Moment.ofDateTime(OffsetDateTime.parse("2025-06-05T10:00+08:00")),
                Stance.PARTIAL, "EU Chamber", Basis.DATA, "EU Chamber: survey").url("https://example.com/survey")
                .note("Fewer than a quarter\nof 140 \"applications\"").recorded(Instant.parse("2025-06-06T14:03:09Z"))
                .recordedBy("alice").build();
        append(entry);
        byte[] whole = bytes();
        int checkedRefusals = 0;
        for (int cut = before.length; cut < whole.length; cut++) {
            Files.write(file(), Arrays.copyOf(whole, cut));
            List<Evidence> read;
            try {
                read = readBack();
            } catch (TruceException reported) {
                assertEquals(TruceException.Cause.BAD_INPUT, reported.kind());
                if (cut % 7 == 0) { // the refusal path reads the whole file: a sample keeps the test fast
                    byte[] torn = bytes();
                    assertThrows(TruceException.class, () -> append(entry("after a torn tail")), "cut at " + cut);
                    assertArrayEquals(torn, bytes());
                    checkedRefusals++;
                }
                continue;
            }
            if (read.size() == old.size()) {
                assertEquals(old, read, "cut at " + cut);
                assertTrue(new String(whole, before.length, cut - before.length, StandardCharsets.UTF_8).isBlank(),
                        "only the separating line break may be cut without a report; cut at " + cut);
            } else {
                assertEquals(old.size() + 1, read.size(), "cut at " + cut);
                assertEquals(entry, read.get(read.size() - 1), "a cut entry read as valid; cut at " + cut);
            }
        }
        assertTrue(checkedRefusals > 20);
    }
}
