package dev.truce.yaml;

import dev.truce.domain.Labelled;
import dev.truce.domain.Labels;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of a file, written from the same spec records the reader binds: every
 * key, its type, whether it is required, what it means. Editors with the YAML language server complete and
 * check keys with it. Rules JSON Schema cannot say (ids that exist, dates that are real) only the reader checks.
 */
public final class SchemaWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String TEXT_TYPES = "[\"string\", \"number\", \"boolean\"]";

    private final Map<String, ObjectNode> defs = new LinkedHashMap<>();

    private SchemaWriter() {
    }

    /** The schema of a file whose top level is the mapping {@code root}. */
    public static String ofMapping(Class<? extends Record> root, String title) {
        SchemaWriter writer = new SchemaWriter();
        ObjectNode schema = writer.header(title, root);
        ObjectNode body = writer.object(root);
        body.properties().forEach(e -> schema.set(e.getKey(), e.getValue()));
        schema.set("$defs", writer.definitions());
        return MAPPER.writeValueAsString(schema) + "\n";
    }

    /** The schema of a file that is a YAML list of {@code item} mappings (empty or null for none yet). */
    public static String ofList(Class<? extends Record> item, String title, String description) {
        SchemaWriter writer = new SchemaWriter();
        ObjectNode schema = writer.header(title, item);
        schema.put("description", description);
        schema.set("type", MAPPER.readTree("[\"array\", \"null\"]"));
        schema.set("items", writer.ref(item));
        schema.set("$defs", writer.definitions());
        return MAPPER.writeValueAsString(schema) + "\n";
    }

    private ObjectNode header(String title, Class<?> type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", title);
        schema.put("description", type.getAnnotation(Spec.class).doc());
        return schema;
    }

    private ObjectNode definitions() {
        ObjectNode all = JSON.objectNode();
        defs.forEach(all::set);
        return all;
    }

    /** A spec record as an object schema. */
    private ObjectNode object(Class<?> type) {
        SpecBinder.Plan plan = SpecBinder.plan(type);
        ObjectNode object = JSON.objectNode();
        object.put("type", "object");
        object.put("additionalProperties", false);
        ArrayNode required = JSON.arrayNode();
        ObjectNode properties = JSON.objectNode();
        for (SpecBinder.Component c : plan.components()) {
            if (c.annotation().required()) {
                required.add(c.key());
            }
            properties.set(c.key(), property(c));
        }
        if (!required.isEmpty()) {
            object.set("required", required);
        }
        object.set("properties", properties);
        merge(object, plan.spec().schema());
        return object;
    }

    private ObjectNode property(SpecBinder.Component c) {
        Key key = c.annotation();
        boolean optional = !key.required();
        ObjectNode property = JSON.objectNode();
        property.put("description", key.doc());
        if (c.isList()) {
            property.set("type", MAPPER.readTree(optional ? "[\"array\", \"null\"]" : "\"array\""));
            property.set("items", value(c, c.elementType(), false, true));
        } else {
            ObjectNode value = value(c, c.type(), optional, false);
            value.properties().forEach(e -> property.set(e.getKey(), e.getValue()));
        }
        if (!key.defaultValue().isEmpty()) {
            property.set("default", defaultValue(key.defaultValue()));
        }
        merge(property, key.schema());
        return property;
    }

    /** The schema of one value of {@code type}; {@code nullable}: the key may be left empty. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ObjectNode value(SpecBinder.Component c, Class<?> type, boolean nullable, boolean inList) {
        Key key = c.annotation();
        ObjectNode value = JSON.objectNode();
        if (type.isRecord() && !ValueTypes.isKnown(type)) {
            return nullable(ref(type), nullable);
        }
        if (type == String.class) {
            if (key.email()) {
                return nullable(ref("email", emailDef()), nullable);
            }
            if (key.webAddress()) {
                value.put("type", "string");
                value.put("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#<>\"{}|\\\\^`]+[^\\s<>\"{}|\\\\^`]*$");
            } else if (!key.pattern().isEmpty()) {
                value.put("type", "string");
                value.put("pattern", "^(?:" + key.pattern() + ")$");
            } else if (key.oneLine()) {
                value.set("type", MAPPER.readTree(TEXT_TYPES));
                value.put("pattern", "^[^\\r\\n]*\\S[^\\r\\n]*$");
            } else {
                // in a list, a number YAML reads as a decimal is refused (it must be quoted): see SpecBinder
                value.set("type", MAPPER.readTree(inList ? "[\"string\", \"integer\", \"boolean\"]" : TEXT_TYPES));
                value.put("pattern", "\\S");
            }
            if (key.maxLength() != Integer.MAX_VALUE) {
                value.put("maxLength", key.maxLength());
            }
            return typeOrNull(value, nullable);
        }
        if (type == Boolean.class) {
            value.put("type", "boolean");
            return typeOrNull(value, nullable);
        }
        if (type == Integer.class || type == int.class || type == BigDecimal.class) {
            value.put("type", type == BigDecimal.class ? "number" : "integer");
            if (key.min() != Long.MIN_VALUE) {
                value.put("minimum", key.min());
            }
            if (key.max() != Long.MAX_VALUE) {
                value.put("maximum", key.max());
            }
            return typeOrNull(value, nullable);
        }
        if (Labelled.class.isAssignableFrom(type)) {
            ArrayNode labels = JSON.arrayNode();
            Labels.of((Class) type).forEach(l -> labels.add((String) l));
            if (nullable) {
                labels.addNull();
            }
            value.set("enum", labels);
            return value;
        }
        ValueTypes.ValueType known = ValueTypes.of(type);
        return nullable(ref(known.schemaRef(), valueDef(type)), nullable);
    }

    private static ObjectNode nullable(ObjectNode ref, boolean nullable) {
        if (!nullable) {
            return ref;
        }
        ObjectNode anyOf = JSON.objectNode();
        ArrayNode options = JSON.arrayNode();
        options.add(ref);
        options.add(JSON.objectNode().put("type", "null"));
        anyOf.set("anyOf", options);
        return anyOf;
    }

    private static ObjectNode typeOrNull(ObjectNode value, boolean nullable) {
        if (nullable) {
            JsonNode type = value.get("type");
            ArrayNode types = JSON.arrayNode();
            if (type.isArray()) {
                type.forEach(types::add);
            } else {
                types.add(type);
            }
            types.add("null");
            value.set("type", types);
        }
        return value;
    }

    private ObjectNode ref(Class<?> record) {
        String name = defName(record);
        if (!defs.containsKey(name)) {
            defs.put(name, JSON.objectNode()); // placeholder: records may refer to each other
            ObjectNode def = JSON.objectNode();
            def.put("description", record.getAnnotation(Spec.class).doc());
            object(record).properties().forEach(e -> def.set(e.getKey(), e.getValue()));
            defs.put(name, def);
        }
        return JSON.objectNode().put("$ref", "#/$defs/" + name);
    }

    private ObjectNode ref(String name, ObjectNode def) {
        defs.putIfAbsent(name, def);
        return JSON.objectNode().put("$ref", "#/$defs/" + name);
    }

    private static String defName(Class<?> record) {
        String simple = record.getSimpleName().replaceFirst("Spec$", "");
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static final String MOMENT_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?))?$";

    private static ObjectNode valueDef(Class<?> type) {
        ObjectNode def = JSON.objectNode();
        if (type == dev.truce.domain.Moment.class) {
            def.put("description", "A date (YYYY-MM-DD: through the end of that day in truce.timezone) or a date-time "
                    + "with its UTC offset (that exact instant), e.g. 2025-05-14T00:01-04:00.");
            def.put("type", "string");
            def.put("pattern", MOMENT_PATTERN);
            def.set("examples", MAPPER.readTree("[\"2026-11-09\", \"2026-11-10T00:01-05:00\"]"));
        } else if (type == LocalDate.class) {
            def.put("description", "A date, YYYY-MM-DD.");
            def.put("type", "string");
            def.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        } else if (type == Instant.class) {
            def.put("description", "A date-time with its UTC offset, e.g. 2026-11-26T09:15:00Z.");
            def.put("type", "string");
            def.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
                    + "([Zz]|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)$");
        } else if (type == ZoneId.class) {
            def.put("description", "An IANA time zone, e.g. America/New_York or Asia/Shanghai.");
            def.put("type", "string");
            def.put("pattern", "^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$");
            def.set("examples", MAPPER.readTree("[\"America/New_York\", \"Asia/Shanghai\", \"Europe/Brussels\", \"UTC\"]"));
        } else if (type == dev.truce.domain.Due.class) {
            def.put("description", "truce-end, none, a date YYYY-MM-DD or a date-time with offset.");
            def.set("anyOf", MAPPER.readTree("[{\"enum\": [\"truce-end\", \"none\"]}, {\"type\": \"string\", \"pattern\": "
                    + MAPPER.writeValueAsString(MOMENT_PATTERN) + "}]"));
        } else if (type == dev.truce.domain.Owner.class) {
            def.put("description", "A name, an email address, or Name <name@example.com>.");
            def.set("type", MAPPER.readTree(TEXT_TYPES));
            def.put("pattern", "\\S");
        } else {
            throw new IllegalStateException("no schema for " + type);
        }
        return def;
    }

    private static ObjectNode emailDef() {
        ObjectNode def = JSON.objectNode();
        def.put("description", "An email address, name@example.com.");
        def.put("type", "string");
        def.put("pattern", "^[^@\\s<>,;\"()\\[\\]\\\\]+@[^@\\s<>,;\"()\\[\\]\\\\]+\\.[^@\\s<>,;\"()\\[\\]\\\\]+$");
        def.put("maxLength", dev.truce.config.Emails.MAX_LENGTH);
        return def;
    }

    private static JsonNode defaultValue(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (RuntimeException e) {
            return JSON.textNode(text);
        }
    }

    private static void merge(ObjectNode into, String extra) {
        if (extra.isEmpty()) {
            return;
        }
        JsonNode more = MAPPER.readTree(extra);
        more.properties().forEach(e -> into.set(e.getKey(), e.getValue()));
    }
}
