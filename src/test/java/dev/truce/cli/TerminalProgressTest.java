package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.config.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 23 item 4: long work says how far it has got, on a terminal, after about a second, and then goes away. */
class TerminalProgressTest {
    private static final long MB = 1024 * 1024;

    /** A clock the test moves. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A terminal 80 columns wide that records what it was told. */
    private static final class Lines implements TerminalProgress.Screen {
        final List<String> shown = new ArrayList<>();
        int opened;
        int cleared;
        int width = 80;

        @Override
        public int width() {
            return width;
        }

        @Override
        public void show(String line) {
            shown.add(line);
        }

        @Override
        public void clear() {
            cleared++;
        }
    }

    private final Hand clock = new Hand();
    private final Lines terminal = new Lines();
    private final TerminalProgress progress = new TerminalProgress(clock, () -> {
        terminal.opened++;
        return Optional.of(terminal);
    });

    @Test
    void workUnderASecondShowsNothingAndOpensNoTerminal() {
        try (Progress.Step step = progress.start("reading evidence.yaml", 100 * MB)) {
            clock.advance(Duration.ofMillis(999));
            step.at(99 * MB);
        }
        assertEquals(List.of(), terminal.shown);
        assertEquals(0, terminal.opened, "a quick command never asks for a terminal");
        assertEquals(0, terminal.cleared);
    }

    @Test
    void pastASecondOneLineSaysWhatHowFarAndHowLongIsLeftThenGoesAway() {
        try (Progress.Step step = progress.start("reading evidence.yaml", 160 * MB)) {
            clock.advance(Duration.ofMillis(1500));
            step.at(40 * MB);
            clock.advance(Duration.ofMillis(100));
            step.at(44 * MB); // within a quarter second of the last line: not rewritten
            clock.advance(Duration.ofMillis(400));
            step.at(80 * MB);
            clock.advance(Duration.ofMillis(2000));
            step.at(160 * MB);
        }
        assertEquals(List.of("truce: reading evidence.yaml: 25% (40 of 160 MB), about 5 s left",
                "truce: reading evidence.yaml: 50% (80 of 160 MB), about 2 s left",
                "truce: reading evidence.yaml: 100% (160 of 160 MB)"), terminal.shown);
        assertEquals(1, terminal.opened);
        assertEquals(1, terminal.cleared, "the line is taken away when the work ends");
    }

    @Test
    void withoutATerminalNothingIsWrittenAndNothingFails() {
        TerminalProgress none = new TerminalProgress(clock, Optional::empty);
        try (Progress.Step step = none.start("reading obligations.yaml", 10 * MB)) {
            clock.advance(Duration.ofSeconds(3));
            step.at(5 * MB);
        }
        assertEquals(List.of(), terminal.shown);
    }

    @Test
    void theLineFitsTheTerminalAndAFileNameCannotActOnIt() {
        terminal.width = 30;
        try (Progress.Step step = progress.start("reading \u001b[2Jevil.yaml", 2 * MB)) {
            clock.advance(Duration.ofSeconds(2));
            step.at(MB);
        }
        assertEquals(1, terminal.shown.size());
        assertEquals(29, terminal.shown.get(0).length(), terminal.shown.toString());
        assertTrue(terminal.shown.get(0).startsWith("truce: reading \\u001B[2Jevil") , terminal.shown.toString());
    }

    @Test
    void aWatchedStreamCountsWhatIsRead() throws IOException {
        List<Long> seen = new ArrayList<>();
        Progress.Step step = seen::add;
        try (InputStream in = step.watch(new ByteArrayInputStream(new byte[10_000]))) {
            assertEquals(4096, in.read(new byte[4096]));
            assertEquals(0, in.read());
            assertEquals(100, in.skip(100));
            in.readAllBytes();
        }
        assertEquals(List.of(4096L, 4097L, 4197L), seen.subList(0, 3));
        assertEquals(10_000L, seen.get(seen.size() - 1));
    }

    @Test
    void theLineInWords() {
        assertEquals("truce: importing hts.json: 7% (0.4 of 5.5 MB), about 13 s left",
                TerminalProgress.line("importing hts.json", 400 * 1024, 5 * MB + MB / 2, Duration.ofSeconds(1)));
        assertEquals("truce: reading a.yaml: 10% (100 of 1000 MB), about 15 min left",
                TerminalProgress.line("reading a.yaml", 100 * MB, 1000 * MB, Duration.ofSeconds(100)));
    }
}
