package dev.truce.cli;

import dev.truce.config.Progress;
import dev.truce.domain.Phrases;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Progress on stderr, on a terminal only: a piece of work that runs past {@link #AFTER} shows one line, "truce:
 * reading evidence.yaml: 38% (61 of 159 MB), about 12 s left", rewritten in place at most every {@link #EVERY} and
 * taken away when the work ends. Whether stderr is a terminal is asked of JLine only once a line is due, so a
 * quick command never opens a terminal; in cron, a pipe or a test's captured output there is no terminal, and
 * nothing is written.
 */
final class TerminalProgress implements Progress {
    static final Duration AFTER = Duration.ofSeconds(1);
    static final Duration EVERY = Duration.ofMillis(250);

    /** A line at the foot of a terminal: shown, replaced, taken away. */
    interface Screen {
        int width();

        void show(String line);

        void clear();
    }

    private final Clock clock;
    private final Supplier<Optional<Screen>> opener;
    private Optional<Screen> screen;

    TerminalProgress(Clock clock, Supplier<Optional<Screen>> opener) {
        this.clock = clock;
        this.opener = opener;
    }

    /** Progress on this process's stderr, if it is a terminal. */
    static TerminalProgress onStderr(Clock clock) {
        return new TerminalProgress(clock, JLineScreen::open);
    }

    /** Where the commands of {@code context} show their progress: stderr, or nowhere (tests). */
    static Progress of(Context context) {
        return context.showsProgress() ? onStderr(context.clock()) : Progress.NONE;
    }

    @Override
    public Step start(String what, long total) {
        Instant started = clock.instant();
        return new Step() {
            private Instant shown;

            @Override
            public void at(long done) {
                Instant now = clock.instant();
                Duration elapsed = Duration.between(started, now);
                if (elapsed.compareTo(AFTER) < 0 || shown != null && Duration.between(shown, now).compareTo(EVERY) < 0) {
                    return;
                }
                Optional<Screen> on = screen();
                if (on.isEmpty()) {
                    return;
                }
                shown = now;
                String line = line(what, done, total, elapsed);
                int width = on.get().width();
                on.get().show(width > 1 && line.length() >= width ? line.substring(0, width - 1) : line);
            }

            @Override
            public void close() {
                if (shown != null) {
                    screen().ifPresent(Screen::clear);
                }
            }
        };
    }

    private Optional<Screen> screen() {
        if (screen == null) {
            screen = opener.get();
        }
        return screen;
    }

    /** "truce: reading evidence.yaml: 38% (61 of 159 MB), about 12 s left". */
    static String line(String what, long done, long total, Duration elapsed) {
        StringBuilder line = new StringBuilder("truce: ").append(Phrases.oneLine(what));
        if (total <= 0 || done <= 0) {
            return line.append(": ").append(megabytes(done)).append(" MB so far").toString();
        }
        long clamped = Math.min(done, total);
        line.append(": ").append(clamped * 100 / total).append("% (").append(megabytes(clamped)).append(" of ")
                .append(megabytes(total)).append(" MB)");
        if (clamped < total) {
            long leftMillis = (long) (elapsed.toMillis() * ((double) (total - clamped) / clamped));
            line.append(", about ").append(duration(leftMillis)).append(" left");
        }
        return line.toString();
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : Long.toString(Math.round(mb));
    }

    private static String duration(long millis) {
        long seconds = Math.max(1, Math.round(millis / 1000.0));
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    /**
     * stderr, when JLine's terminal provider finds it to be a terminal (on Java 22 and later through the foreign
     * function API, else by running {@code test -t 2} and {@code stty}). No JLine terminal is built: building one
     * changes the terminal's modes and queries it, and a progress line needs neither. The line is written to
     * stderr as it is: a carriage return, the line, erase to its end.
     */
    private static final class JLineScreen implements Screen {
        private static final String ERASE_TO_END = "\u001b[K";
        private final TerminalProvider provider;
        private final PrintStream err;

        private JLineScreen(TerminalProvider provider, PrintStream err) {
            this.provider = provider;
            this.err = err;
        }

        static Optional<Screen> open() {
            for (String name : new String[] {"ffm", "exec"}) {
                try {
                    TerminalProvider provider = TerminalProvider.load(name);
                    return provider.isSystemStream(SystemStream.Error)
                            ? Optional.of(new JLineScreen(provider, System.err)) : Optional.empty();
                } catch (IOException | RuntimeException | LinkageError e) {
                    // this provider is not here (ffm before Java 22): try the next
                }
            }
            return Optional.empty(); // no way to tell: progress is a courtesy, never a failure
        }

        @Override
        public int width() {
            try {
                return provider.systemStreamWidth(SystemStream.Error);
            } catch (RuntimeException e) {
                return 80;
            }
        }

        @Override
        public void show(String line) {
            err.print("\r" + line + ERASE_TO_END);
            err.flush();
        }

        @Override
        public void clear() {
            err.print("\r" + ERASE_TO_END);
            err.flush();
        }
    }
}
