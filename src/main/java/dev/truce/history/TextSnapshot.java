package dev.truce.history;

import dev.truce.state.StateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A copy of the files as they were at a moment (obligations.yaml and its evidence file), kept in the state
 * folder where there is no git history to compare with, and after each digest. {@code files} maps each
 * path, relative to the folder of obligations.yaml and '/'-separated, to its bytes, or to null when it did
 * not exist then. One JSON file, replaced whole (0600); the bytes are kept exactly (base64).
 */
public record TextSnapshot(Instant taken, Map<String, byte[]> files) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int FORMAT = 1;

    public TextSnapshot {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Whether the snapshot says anything about the file at {@code relative}: its bytes, or that it did not exist. */
    public boolean keeps(String relative) {
        return files.containsKey(relative);
    }

    /** The bytes of a file kept; empty when it did not exist. */
    public Optional<byte[]> content(String relative) {
        return Optional.ofNullable(files.get(relative));
    }

    /** The snapshot in {@code file}; empty when none was taken. Unreadable: an IOException saying why. */
    public static Optional<TextSnapshot> read(Path file) throws IOException {
        Optional<byte[]> bytes = StateFiles.readBytes(file);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), bytes.get())) {
            return Optional.of(parse(json));
        } catch (JacksonException | DateTimeParseException | IllegalStateException e) {
            throw new IOException("not a snapshot truce can read (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static TextSnapshot parse(JsonParser json) {
        expect(json.nextToken(), JsonToken.START_OBJECT);
        Instant taken = null;
        Integer format = null;
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "format" -> format = json.getIntValue();
                case "taken" -> taken = Instant.parse(json.getString());
                case "files" -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        String path = null;
                        byte[] content = null;
                        for (String key = json.nextName(); key != null; key = json.nextName()) {
                            JsonToken token = json.nextToken();
                            if (key.equals("path")) {
                                path = json.getString();
                            } else if (key.equals("content") && token != JsonToken.VALUE_NULL) {
                                content = json.getBinaryValue();
                            } else {
                                json.skipChildren();
                            }
                        }
                        if (path == null) {
                            throw new IllegalStateException("a file without a path");
                        }
                        files.put(path, content);
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (format == null || format != FORMAT || taken == null) {
            throw new IllegalStateException("format " + format + ", expected " + FORMAT);
        }
        return new TextSnapshot(taken, files);
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("expected " + expected + ", found " + token);
        }
    }

    /** Writes the snapshot to {@code file}, replacing the one there (0600, in a 0700 folder if truce makes it). */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeNumberProperty("format", FORMAT);
            json.writeStringProperty("taken", taken.toString());
            json.writeName("files");
            json.writeStartArray();
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                json.writeStartObject();
                json.writeStringProperty("path", entry.getKey());
                json.writeName("content");
                if (entry.getValue() == null) {
                    json.writeNull();
                } else {
                    json.writeBinary(entry.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        StateFiles.write(file, out.toByteArray());
    }
}
