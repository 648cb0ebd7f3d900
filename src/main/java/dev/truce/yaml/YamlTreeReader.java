package dev.truce.yaml;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
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
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into {@link YamlNode}s that remember their line and column. Streams through Jackson's
 * YAML parser, so a top-level list can be handed over item by item without holding the whole file.
 * Syntax errors, duplicate keys and files that are too large become {@link Problem}s.
 */
public final class YamlTreeReader {
    /** SnakeYAML refuses documents over 3 MB by default; large desks have larger files. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    public static final String MAX_SIZE_VARIABLE = "TRUCE_MAX_FILE_MB";

    private final String fileLabel;
    private final long maxBytes;
    private final List<Problem> problems;

    public YamlTreeReader(String fileLabel, long maxBytes, List<Problem> problems) {
        this.fileLabel = fileLabel;
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** The maximum file size: $TRUCE_MAX_FILE_MB if set, else {@link #DEFAULT_MAX_BYTES}. */
    public static long configuredMaxBytes() {
        String mb = System.getenv(MAX_SIZE_VARIABLE);
        if (mb == null || mb.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            return Long.parseLong(mb.trim()) * 1024 * 1024;
        } catch (NumberFormatException e) {
            throw TruceException.badInput("$" + MAX_SIZE_VARIABLE + ": '" + mb + "' is not a whole number of megabytes");
        }
    }

    /** The whole document, or null when it is empty or could not be parsed (a problem says why). */
    public YamlNode read(Path path) {
        return parse(path, null);
    }

    /**
     * Hands each item of a top-level list to {@code items} as soon as it is read. Returns the
     * document node when the document is not a list (so the caller can say what it is instead),
     * else null.
     */
    public YamlNode readItems(Path path, Consumer<YamlNode> items) {
        return parse(path, items);
    }

    /** Parses YAML held in memory; for tests and for validating text before it is appended. */
    public YamlNode read(String text) {
        try (JsonParser parser = factory(text.length()).createParser(ObjectReadContext.empty(), text)) {
            return document(parser, null);
        } catch (JacksonException e) {
            problems.add(syntaxProblem(e));
            return null;
        }
    }

    private YamlNode parse(Path path, Consumer<YamlNode> items) {
        long size = sizeOf(path);
        if (size > maxBytes) {
            throw TruceException.badInput(fileLabel + ": the file is " + megabytes(size) + " MB, more than the "
                    + megabytes(maxBytes) + " MB limit (set $" + MAX_SIZE_VARIABLE + " to raise it)");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser parser = factory(size).createParser(ObjectReadContext.empty(), reader)) {
            return document(parser, items);
        } catch (JacksonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw TruceException.badInput(fileLabel + ": the file is not UTF-8 text");
            }
            problems.add(syntaxProblem(e));
            return null;
        } catch (CharacterCodingException e) {
            throw TruceException.badInput(fileLabel + ": the file is not UTF-8 text");
        } catch (IOException e) {
            throw TruceException.failure(fileLabel + ": cannot read: " + e.getMessage(), e);
        }
    }

    private long sizeOf(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw TruceException.badInput(fileLabel + ": is a directory, not a file");
            }
            return Files.size(path);
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(fileLabel + ": no such file");
        } catch (IOException e) {
            throw TruceException.failure(fileLabel + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static YAMLFactory factory(long size) {
        // SnakeYAML counts code points; a character is at least one byte, so the size bounds them.
        int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(size, 1024) + 1024);
        // loadSettings() resets the stream features, so it must come first.
        return YAMLFactory.builder()
                .loadSettings(LoadSettings.builder().setCodePointLimit(limit).build())
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // reported by us, with both lines
                .build();
    }

    private YamlNode document(JsonParser parser, Consumer<YamlNode> items) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            problems.add(new Problem(fileLabel, Position.START, "", "the file is empty"));
            return null;
        }
        if (items != null && first == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.accept(node(parser));
            }
            return null;
        }
        return node(parser);
    }

    private YamlNode node(JsonParser parser) {
        JsonToken token = parser.currentToken();
        Position at = position(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_NULL -> new YamlNode.Scalar(at, null, YamlNode.ScalarType.NULL);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.DECIMAL);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.BOOLEAN);
            default -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.STRING);
        };
    }

    private YamlNode mapping(JsonParser parser, Position at) {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Position> keys = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            Position keyAt = position(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = node(parser);
            if (keys.containsKey(key)) {
                problems.add(new Problem(fileLabel, keyAt, "",
                        "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")"));
                continue;
            }
            keys.put(key, keyAt);
            values.put(key, value);
        }
        return new YamlNode.Mapping(at, values, keys);
    }

    private YamlNode sequence(JsonParser parser, Position at) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser));
        }
        return new YamlNode.Sequence(at, items);
    }

    private Problem syntaxProblem(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            Mark mark = marked.getProblemMark().or(marked::getContextMark).orElse(null);
            Position at = mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
            String problem = oneLine(marked.getProblem());
            if (problem.contains("(TAB)")) {
                return new Problem(fileLabel, at, "", "tab character; YAML indents with spaces, not tabs");
            }
            String context = marked.getContext() == null ? "" : " (" + oneLine(marked.getContext())
                    + marked.getContextMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("")
                    + ")";
            return new Problem(fileLabel, at, "", "YAML syntax error: " + problem + context);
        }
        TokenStreamLocation location = e.getLocation();
        Position at = location == null ? Position.START : position(location);
        return new Problem(fileLabel, at, "", "YAML syntax error: " + oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    private static Position position(TokenStreamLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
