package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;

/**
 * A syntax error as a {@link Problem}: the one place that reads the parser's exception. Jackson's YAML parser
 * throws a {@link JacksonException} whose cause is SnakeYAML Engine's, and that cause has the marks: where the
 * parser stopped (the problem) and what it was reading (the context). Jackson's own location of the exception is
 * where the parser had got to, not where the mistake is, so it is not used.
 * Where {@link SyntaxHints} recognises the mistake from the lines around the place the parser stopped, the
 * problem says it in words, with the parser's own words after it as an aside; otherwise it is the parser's
 * words. A change of parser changes this class, not the explanations.
 */
final class SyntaxProblems {
    /** How far above the error the lines are kept to explain it: far more than any key is from its sibling. */
    private static final int LINES_KEPT = 5000;
    /** How far below: the keys after a key out of line say which of them is (past a whole obligation, say). */
    private static final int LINES_AFTER = 1000;

    /** The text the parser read, opened again to explain an error in it. */
    interface Text {
        Reader open() throws IOException;
    }

    private SyntaxProblems() {
    }

    /**
     * {@code lineOffset}: the text was read from further down a file ({@link YamlTreeReader#startingAtLine});
     * {@code text}: null when it cannot be read again (then the parser's words are all there is).
     */
    static Problem of(String file, int lineOffset, JacksonException e, Text text) {
        if (!(e.getCause() instanceof MarkedYamlEngineException marked)) {
            throw unreadable(file, e);
        }
        // "found unexpected end of stream while scanning a quoted scalar": the end is where the parser gave up, the
        // opening quote (the context) is what to fix, and in an entry read on its own the end is the next entry's line
        boolean atEnd = String.valueOf(marked.getProblem()).contains("end of stream") && marked.getContextMark().isPresent();
        Mark mark = (atEnd ? marked.getContextMark() : marked.getProblemMark().or(marked::getContextMark)).orElse(null);
        Position at = mark == null ? new Position(1 + lineOffset, 1) : new Position(mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
        String problem = oneLine(marked.getProblem());
        if (problem.contains("(TAB)")) {
            return new Problem(file, at, "", "tab character; YAML indents with spaces, not tabs");
        }
        Optional<Mark> stop = marked.getProblemMark().or(marked::getContextMark);
        Optional<SyntaxHints.Hint> hint = text == null || stop.isEmpty() ? Optional.empty()
                : hint(text, stop.get().getLine() + 1, lineOffset);
        if (hint.isPresent()) {
            SyntaxHints.Hint h = hint.get();
            return Problem.explained(file, new Position(h.line(), h.column()), h.message(), h.shown(),
                    "YAML syntax error: " + Problem.snippet(problem, 200));
        }
        String context = marked.getContext() == null ? "" : " (" + oneLine(marked.getContext())
                + marked.getContextMark().map(m -> " at line " + (m.getLine() + 1 + lineOffset) + ", column "
                        + (m.getColumn() + 1)).orElse("") + ")";
        return new Problem(file, at, "", null, "YAML syntax error", Problem.snippet(problem + context, 200));
    }

    /**
     * An explanation from the lines around the error, numbered as in the file (the lines that name the keys
     * beside are counted from the file's start too); a text that cannot be read again has none.
     */
    private static Optional<SyntaxHints.Hint> hint(Text text, int errorLine, int lineOffset) {
        Deque<String> kept = new ArrayDeque<>();
        int first = 1;
        try (BufferedReader lines = new BufferedReader(text.open())) {
            String line;
            int number = 0;
            while (number < errorLine + LINES_AFTER && (line = lines.readLine()) != null) {
                number++;
                kept.addLast(line);
                if (number < errorLine && kept.size() > LINES_KEPT) {
                    kept.removeFirst();
                    first++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // the parser's words still say what is wrong
        }
        List<String> texts = new ArrayList<>(kept);
        while (texts.size() < errorLine - first + 1) {
            texts.add(""); // the parser stops on the line after the last line break
        }
        return SyntaxHints.explain(texts, first + lineOffset, errorLine + lineOffset);
    }

    /**
     * Not a mistake at a place: the file is not UTF-8 text, or not YAML that can be read at all. SnakeYAML Engine
     * lets one mistake out unmarked: a {@code \U} escape of eight hex digits from {@code 80000000} up overflows its
     * number parsing (a smaller one past the last character is a marked error). Jackson's own words end with its
     * location, which says where its parser had got to, not where the mistake is: they are left out.
     */
    private static TruceException unreadable(String file, JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return TruceException.badInput(file + ": the file is not UTF-8 text");
            }
            if (cause instanceof NumberFormatException) {
                return TruceException.badInput(file + ": cannot read YAML: a \\U escape that is no character ("
                        + oneLine(cause.getMessage()) + ")");
            }
        }
        String said = e.getCause() instanceof YamlEngineException parser ? parser.getMessage() : e.getOriginalMessage();
        return TruceException.badInput(file + ": cannot read YAML: " + oneLine(said));
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
