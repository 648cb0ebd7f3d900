package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.TruceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What Jackson's YAML parser would do on its own and truce's reader must not: decode tagged values and typed
 * numbers, turn an empty quoted value into nothing, refuse long keys and numbers, stop at a key that is not a
 * scalar, report duplicate keys without their places, and read into a second document.
 */
class YamlTokensTest {
    private final List<Problem> problems = new ArrayList<>();

    private YamlNode.Mapping read(String text) {
        return (YamlNode.Mapping) new YamlTreeReader("f.yaml", Long.MAX_VALUE, problems).read(text);
    }

    private static Map<String, String> typed(YamlNode.Mapping mapping) {
        return mapping.values().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            YamlNode.Scalar scalar = (YamlNode.Scalar) e.getValue();
            return scalar.type() + " " + scalar.text();
        }));
    }

    private List<String> rendered() {
        return problems.stream().map(Problem::render).toList();
    }

    @Test
    void tagsAndNumberLikeTextAreText() {
        Map<String, String> values = typed(read("""
                binary: !!binary not base64
                int: !!int abc
                bool: !!bool yes
                plain: ! 12
                hex: 0x1F
                octal: 0o17
                underscores: 1_000
                empty: ""
                quoted: "8505.10"
                number: 8505.10
                nothing: ~
                """));
        assertEquals(List.of(), rendered());
        assertEquals(Map.ofEntries(Map.entry("binary", "STRING not base64"), Map.entry("int", "STRING abc"),
                Map.entry("bool", "STRING yes"), Map.entry("plain", "STRING 12"), Map.entry("hex", "STRING 0x1F"),
                Map.entry("octal", "STRING 0o17"), Map.entry("underscores", "STRING 1_000"), Map.entry("empty", "STRING "),
                Map.entry("quoted", "STRING 8505.10"), Map.entry("number", "DECIMAL 8505.10"),
                Map.entry("nothing", "NULL ~")), values);
    }

    @Test
    void longKeysAndNumbersAreReadAsWritten() {
        String key = "k".repeat(60_000);
        String digits = "1".repeat(2_000);
        // a key of more than 1,024 characters must be explicit ('? ') in YAML
        Map<String, String> values = typed(read("? " + key + "\n: " + digits + "\n"));
        assertEquals(List.of(), rendered());
        assertEquals(Map.of(key, "INTEGER " + digits), values);
    }

    @Test
    void aKeyThatIsNotAScalarIsReportedAndTheRestIsRead() {
        YamlNode.Mapping mapping = read("""
                ? [a, b]
                : x
                {c: 1}: y
                &k named: 1
                *k : 2
                null: 3
                "null": 4
                last: 5
                """);
        assertEquals(List.of("f.yaml:1:3: a key must be plain text, found a list",
                "f.yaml:3:1: a key must be plain text, found a mapping",
                "f.yaml:4:1: 'named' is a duplicate key (first at line 4)",
                "f.yaml:6:1: a key must be plain text, found nothing"), rendered());
        assertEquals(Map.of("named", "INTEGER 1", "null", "INTEGER 4", "last", "INTEGER 5"), typed(mapping));
    }

    @Test
    void aSecondDocumentIsReportedAtItsStartWithoutReadingIt() {
        read("a: 1\n\n---\nb: [unclosed\n");
        assertEquals(List.of("f.yaml:3:1: a second YAML document ('---') is not allowed here"), rendered());
    }

    private String refusal(byte[] content) {
        return assertThrows(TruceException.class,
                () -> new YamlTreeReader("f.yaml", Long.MAX_VALUE, problems).read(content)).getMessage();
    }

    private String refusal(String text) {
        return assertThrows(TruceException.class,
                () -> new YamlTreeReader("f.yaml", Long.MAX_VALUE, problems).read(text)).getMessage();
    }

    @Test
    void whatTheParserCannotPlaceIsRefusedInWords() {
        assertEquals("f.yaml: the file is not UTF-8 text", refusal(new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}));
        assertEquals("f.yaml: cannot read YAML: special characters are not allowed", refusal("a: 1\nb: x\0y\n"));
        assertEquals(List.of(), rendered());
    }

    @Test
    void aBackslashUEscapePastWhatAnIntHoldsIsRefusedWhereverTheParserMeetsIt() {
        String said = "f.yaml: cannot read YAML: a \\U escape that is no character (For input string: \"ffffffff\" under radix 16)";
        assertEquals(said, refusal("a: \"\\Uffffffff\"\n"));
        // a key after a nested mapping ends: first read ahead to tell a scalar key from a list or a mapping
        assertEquals(said, refusal("a:\n  b: 1\n\"\\Uffffffff\": 2\n"));
        assertEquals(said, refusal("- x\n- \"\\Uffffffff\"\n".getBytes(StandardCharsets.UTF_8)));
    }
}
