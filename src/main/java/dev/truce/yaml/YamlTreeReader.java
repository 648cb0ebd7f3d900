package dev.truce.yaml;

import dev.truce.config.Progress;
import dev.truce.config.ReadSettings;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;

/**
 * Reads YAML into {@link YamlNode}s that remember their line and column: the one tree every file of
 * truce is read through before {@link SpecBinder} binds it. Streams the tokens of Jackson's YAML parser
 * ({@link YamlTokens}; never its data binding, whose start-up a command cannot spend), so a top-level list can
 * be handed over item by item without holding the whole file.
 *
 * <p>Syntax errors, duplicate keys and files that are too large become {@link Problem}s. What a hostile
 * file could use to hurt the reader is capped: nesting depth ({@value #MAX_DEPTH} levels), the length of
 * one value ({@value #MAX_SCALAR_CHARS} characters), the file's size; a FIFO or a device is not read.
 */
public final class YamlTreeReader {
    /** Far deeper than any truce file goes; a document nested deeper is an attack or a mistake. */
    public static final int MAX_DEPTH = 64;
    /** One title, note or source of a megabyte is a mistake; the parser must not spend minutes on it. */
    public static final int MAX_SCALAR_CHARS = 256 * 1024;

    private final String fileLabel;
    private final long maxBytes;
    private final List<Problem> problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    /** One string per key name (the first 4,096 names): the tree keeps every key, and the names repeat. */
    private final SharedTexts names = new SharedTexts(4096, Integer.MAX_VALUE);
    private int lineOffset;
    private boolean syntaxError;
    private Progress progress = Progress.NONE;

    public YamlTreeReader(String fileLabel, long maxBytes, List<Problem> problems) {
        this.fileLabel = fileLabel;
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** Reading a whole file says how far it has got to {@code progress} (a large file can take a while). */
    public YamlTreeReader watchedBy(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** Text read from a later part of a file: positions are reported {@code lines} lines further down. */
    public YamlTreeReader startingAtLine(int lines) {
        this.lineOffset = lines;
        return this;
    }

    /** Whether the last read stopped at a YAML syntax error (reported as a problem). */
    public boolean stoppedAtSyntaxError() {
        return syntaxError;
    }

    /** The whole document, or null when it is empty or could not be parsed (a problem says why). */
    public YamlNode read(Path path) {
        return parse(path, null);
    }

    /**
     * Hands each item of a top-level list to {@code items} as soon as it is read. Returns the
     * document node when the document is not a list (so the caller can say what it is instead),
     * else null. An empty document (nothing but comments) is an empty list.
     */
    public YamlNode readItems(Path path, Consumer<YamlNode> items) {
        return parse(path, items);
    }

    /** Parses YAML held in memory; for tests and for validating text before it is appended. */
    public YamlNode read(String text) {
        return readItems(text, null);
    }

    /** {@link #readItems(Path, Consumer)} for YAML held in memory; {@code items} null reads the whole tree. */
    public YamlNode readItems(String text, Consumer<YamlNode> items) {
        try {
            return document(new java.io.StringReader(text), text.length(), items);
        } catch (JacksonException e) {
            problems.add(syntaxProblem(e, () -> new java.io.StringReader(text)));
            return null;
        } catch (TooDeep e) {
            problems.add(e.problem);
            return null;
        }
    }

    /** YAML from any reader, {@code size} characters long: for tests that watch how the parser reads. */
    YamlNode read(Reader reader, long size) {
        try {
            return document(reader, size, null);
        } catch (JacksonException e) {
            problems.add(syntaxProblem(e, null));
            return null;
        }
    }

    /** The file's bytes, after the same checks as {@link #read(Path)}: present, a file, within the size limit. */
    public byte[] bytes(Path path) {
        checkSize(sizeOf(path));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw TruceException.failure(fileLabel + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** {@link #readItems(Path, Consumer)} for a file's bytes held in memory (a version from git or a snapshot). */
    public YamlNode readItems(byte[] content, Consumer<YamlNode> items) {
        checkSize(content.length);
        return parse(() -> new java.io.ByteArrayInputStream(content), content.length, items);
    }

    /** Parses a file already read into memory by {@link #bytes(Path)}. */
    public YamlNode read(byte[] content) {
        return parse(() -> new java.io.ByteArrayInputStream(content), content.length, null);
    }

    void checkSize(long size) {
        if (size > maxBytes) {
            throw TruceException.badInput(fileLabel + ": the file is " + megabytes(size) + " MB, more than the "
                    + megabytes(maxBytes) + " MB limit (set $" + ReadSettings.MAX_SIZE_VARIABLE + " to raise it)");
        }
    }

    /** Opens the bytes to parse, again each time (a syntax error is explained from a second read). */
    interface Source {
        java.io.InputStream open() throws IOException;
    }

    /**
     * {@link #readItems(Path, Consumer)} for the {@code size} bytes {@code source} opens: a part of a file that
     * starts at the start of a line (the reader of a long log parses its two halves at once).
     */
    YamlNode readItems(Source source, long size, Consumer<YamlNode> items) {
        checkSize(size);
        return parse(source, size, items);
    }

    private YamlNode parse(Path path, Consumer<YamlNode> items) {
        long size = sizeOf(path);
        checkSize(size);
        return parse(() -> Files.newInputStream(path), size, items);
    }

    private YamlNode parse(Source source, long size, Consumer<YamlNode> items) {
        try (Progress.Step step = progress.start("reading " + fileLabel, size);
             Reader reader = new InputStreamReader(step.watch(source.open()),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT))) {
            return document(reader, size, items);
        } catch (JacksonException e) {
            problems.add(syntaxProblem(e, () -> new InputStreamReader(source.open(), StandardCharsets.UTF_8)));
            return null;
        } catch (TooDeep e) {
            problems.add(e.problem);
            return null;
        } catch (CharacterCodingException e) {
            throw TruceException.badInput(fileLabel + ": the file is not UTF-8 text");
        } catch (IOException e) {
            throw TruceException.failure(fileLabel + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The size of a regular file; a directory, a FIFO or a device is refused rather than read. */
    private long sizeOf(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw TruceException.badInput(fileLabel + ": is a directory, not a file");
            }
            if (!Files.exists(path) && Files.isSymbolicLink(path)) {
                throw TruceException.badInput(fileLabel + ": is a link to a file that does not exist");
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw TruceException.badInput(fileLabel + ": is not a regular file (a FIFO, a device or a socket "
                        + "is never read)");
            }
            return Files.size(path);
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(fileLabel + ": no such file");
        } catch (IOException e) {
            throw TruceException.failure(fileLabel + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static LoadSettings settings(long size) {
        // SnakeYAML refuses more than 3 MB of code points unless told; a character is at least one byte.
        int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(size, 1024) + 1024);
        return LoadSettings.builder().setCodePointLimit(limit).setUseMarks(true).setBufferSize(bufferFor(size)).build();
    }

    /**
     * SnakeYAML's reader keeps a window of what it has not consumed yet and, on every read of {@code bufferSize}
     * characters, copies that window whole. One token without a space (a long URL, a pasted blob) is not consumed
     * until it ends, so with the default 1,024 characters a value of n characters cost n² / 2,048 copies: 1 MB took
     * 7 s, 4 MB 137 s. Reading the whole file at once (up to {@value #MAX_BUFFER} characters at a time, and in
     * full: {@link Filling}) makes that n² / 2 MB, a few milliseconds for any value under the size limit.
     */
    static int bufferFor(long size) {
        return (int) Math.max(1024, Math.min(size + 1, MAX_BUFFER));
    }

    static final int MAX_BUFFER = 1 << 20;

    /**
     * Hands SnakeYAML (under Jackson's parser, which passes this reader on as it is) as many characters as it asks
     * for (a decoder gives at most about 8 KB a call), until the end.
     */
    static final class Filling extends Reader {
        private final Reader in;

        Filling(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int filled = 0;
            while (filled < length) {
                int read = in.read(buffer, offset + filled, length - filled);
                if (read < 0) {
                    return filled == 0 ? -1 : filled;
                }
                filled += read;
            }
            return filled;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private YamlNode document(Reader reader, long size, Consumer<YamlNode> items) {
        try (YamlTokens.Parser tokens = YamlTokens.open(new Filling(reader), settings(size))) {
            JsonToken first = tokens.nextToken();
            if (first == null) {
                if (items == null) { // a list read item by item may be empty: no entries yet
                    problems.add(new Problem(fileLabel, Position.START, "", "the file is empty"));
                }
                return null;
            }
            YamlNode root = null;
            if (items != null && first == JsonToken.START_ARRAY) {
                while (tokens.nextToken() != JsonToken.END_ARRAY) {
                    items.accept(node(tokens, 1));
                }
            } else {
                root = node(tokens, 0);
            }
            tokens.secondDocument(lineOffset).ifPresent(at -> problems.add(new Problem(fileLabel, at, "",
                    "a second YAML document ('---') is not allowed here")));
            return root;
        }
    }

    /** The node whose first token the parser is at (a key is a node too), read to its last token. */
    private YamlNode node(YamlTokens.Parser tokens, int depth) {
        JsonToken token = tokens.currentToken();
        Position at = tokens.start(lineOffset);
        if (depth > MAX_DEPTH) {
            throw new TooDeep(new Problem(fileLabel, at, "", "nested more than " + MAX_DEPTH
                    + " levels deep; a truce file never needs that (the rest of the file was not read)"));
        }
        String anchor = tokens.anchor();
        YamlNode node = switch (token) {
            case START_OBJECT -> mapping(tokens, at, depth);
            case START_ARRAY -> sequence(tokens, at, depth);
            case PROPERTY_NAME -> scalar(tokens.currentName(), tokens.keyType(), at);
            default -> tokens.isCurrentAlias() ? alias(tokens.getString(), at)
                    : scalar(tokens.getString(), typeOf(token), at);
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlNode alias(String name, Position at) {
        YamlNode anchored = anchors.get(name);
        return anchored != null ? anchored : new YamlNode.Scalar(at, null, YamlNode.ScalarType.NULL);
    }

    private YamlNode mapping(YamlTokens.Parser tokens, Position at, int depth) {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        while (tokens.nextToken() != JsonToken.END_OBJECT) {
            YamlNode keyNode = node(tokens, depth + 1);
            tokens.nextToken();
            YamlNode value = node(tokens, depth + 1);
            if (!(keyNode instanceof YamlNode.Scalar scalarKey) || scalarKey.isNull()) {
                problems.add(new Problem(fileLabel, keyNode.position(), "", "a key must be plain text, found " + keyNode.description()));
                continue;
            }
            String key = names.of(scalarKey.text());
            if (keys.containsKey(key)) {
                problems.add(new Problem(fileLabel, keyNode.position(), "", key, "is a duplicate key (first at line "
                        + keys.get(key).line() + ")"));
                continue;
            }
            keys.put(key, keyNode.position());
            values.put(key, value);
        }
        return new YamlNode.Mapping(at, values, keys);
    }

    private YamlNode sequence(YamlTokens.Parser tokens, Position at, int depth) {
        List<YamlNode> items = new ArrayList<>();
        while (tokens.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(tokens, depth + 1));
        }
        return new YamlNode.Sequence(at, items);
    }

    /** A scalar typed by the YAML 1.2 core schema ({@link YamlTokens}: anything quoted or tagged is text). */
    private YamlNode scalar(String value, YamlNode.ScalarType type, Position at) {
        if (value.length() > MAX_SCALAR_CHARS) {
            problems.add(new Problem(fileLabel, at, "", "a value of " + value.length() + " characters, more than "
                    + MAX_SCALAR_CHARS + " (is a closing quote missing?)"));
            return new YamlNode.Scalar(at, null, YamlNode.ScalarType.NULL);
        }
        return new YamlNode.Scalar(at, type == YamlNode.ScalarType.NULL && value.isEmpty() ? null : value, type);
    }

    private static YamlNode.ScalarType typeOf(JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> YamlNode.ScalarType.NULL;
            case VALUE_TRUE, VALUE_FALSE -> YamlNode.ScalarType.BOOLEAN;
            case VALUE_NUMBER_INT -> YamlNode.ScalarType.INTEGER;
            case VALUE_NUMBER_FLOAT -> YamlNode.ScalarType.DECIMAL;
            default -> YamlNode.ScalarType.STRING;
        };
    }

    /**
     * A syntax error at its place, explained from {@code text} where it can be read again (else null); a file that
     * is not UTF-8 text, or cannot be read as YAML at all, is thrown as bad input.
     */
    private Problem syntaxProblem(JacksonException e, SyntaxProblems.Text text) {
        Problem problem = SyntaxProblems.of(fileLabel, lineOffset, e, text);
        syntaxError = true;
        return problem;
    }

    /** Ends a read at a nesting too deep to follow. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        TooDeep(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
