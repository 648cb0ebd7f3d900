package dev.truce.yaml;

import dev.truce.domain.Due;
import dev.truce.domain.Labelled;
import dev.truce.domain.Moment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec record as the YAML text a person would write for it, so truce can insert it into a file. The keys
 * and their order come from the record itself (its components and their {@link Key} names, as
 * {@link SpecBinder} reads them): a key added to a spec is written without touching this class. Null values
 * and empty lists are left out; text follows {@link YamlScalars}; every value sits on one line, so the text
 * reads back the same whatever the indentation around it.
 */
public final class SpecText {
    private SpecText() {
    }

    /** {@code key: value} for each key with a value, in the record's order, without indentation or line breaks. */
    public static List<String> entries(Record spec) {
        return entries(spec, false);
    }

    /** The mapping in block style: one line per key, each starting with {@code indent} and ending with {@code newline}. */
    public static String block(Record spec, String indent, String newline) {
        return entries(spec).stream().map(entry -> indent + entry + newline).collect(Collectors.joining());
    }

    /** The mapping in flow style on one line, {@code {decided: 2026-12-07, until: ..., source: "..."}}. */
    public static String flow(Record spec) {
        return "{" + String.join(", ", entries(spec, true)) + "}";
    }

    private static List<String> entries(Record spec, boolean inFlow) {
        List<String> entries = new ArrayList<>();
        RecordComponent[] components = spec.getClass().getRecordComponents();
        List<SpecBinder.Component> keys = SpecBinder.plan(spec.getClass()).components();
        for (int i = 0; i < components.length; i++) {
            Object value = valueOf(components[i], spec);
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                entries.add(keys.get(i).key() + ": " + value(value, inFlow));
            }
        }
        return entries;
    }

    private static String value(Object value, boolean inFlow) {
        if (value instanceof String text) {
            return inFlow ? YamlScalars.flowText(text) : YamlScalars.text(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> value(item, true)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Due due) {
            return due.label(); // a record, but a value: none, or its moment
        }
        if (value instanceof Record nested) {
            return flow(nested);
        }
        if (value instanceof Labelled labelled) {
            return labelled.label();
        }
        if (value instanceof Moment moment) {
            return moment.iso();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof ZoneId zone) {
            return zone.getId();
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        throw new IllegalArgumentException("no YAML text for values of " + value.getClass().getName());
    }

    private static Object valueOf(RecordComponent component, Record spec) {
        try {
            return component.getAccessor().invoke(spec);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + spec.getClass(), e);
        }
    }
}
