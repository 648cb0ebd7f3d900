package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void printsTheShippedObligationsSchemaAsOneJsonDocument() throws Exception {
        CliRunner.Result result = new CliRunner(dir).run("schema");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Files.readString(Path.of("schema/obligations.schema.json")), result.out());
        JsonNode schema = JSON.readTree(result.out());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asString());
        assertTrue(schema.get("properties").has("obligations"));
    }

    @Test
    void printsTheEvidenceSchemaOnRequest() throws Exception {
        CliRunner.Result result = new CliRunner(dir).run("schema", "evidence");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Files.readString(Path.of("schema/evidence.schema.json")), result.out());
        assertEquals("array", JSON.readTree(result.out()).get("type").get(0).asString());
    }

    @Test
    void printsTheAcksSchemaOnRequest() throws Exception {
        CliRunner.Result result = new CliRunner(dir).run("schema", "acks");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Files.readString(Path.of("schema/acks.schema.json")), result.out());
        JsonNode entry = JSON.readTree(result.out()).get("$defs").get("ack");
        assertEquals("[\"obligation\",\"by\"]", entry.get("required").toString());
        assertTrue(entry.get("properties").has("lifted") && entry.has("oneOf"), result::toString);
    }

    @Test
    void anUnknownSchemaIsBadInput() {
        CliRunner.Result result = new CliRunner(dir).run("schema", "alerts");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("expected one of [obligations, evidence, acks]"), result::toString);
        assertEquals("", result.out());
    }
}
