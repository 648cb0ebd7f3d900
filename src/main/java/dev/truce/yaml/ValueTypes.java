package dev.truce.yaml;

import dev.truce.config.Emails;
import dev.truce.domain.Due;
import dev.truce.domain.InvalidValue;
import dev.truce.domain.Labelled;
import dev.truce.domain.Labels;
import dev.truce.domain.Moment;
import dev.truce.domain.Owner;
import dev.truce.domain.Suggestions;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;

/**
 * The value types a key may hold, besides text, numbers, lists and spec records: how each is read from
 * the text a person wrote, what it is called in messages, and which definition of the editor schema
 * describes it. Readers throw {@link InvalidValue} with a message that does not quote the text.
 */
final class ValueTypes {
    record ValueType(String noun, String schemaRef, Function<String, Object> reader) {
        Object read(String text) {
            return reader.apply(text);
        }
    }

    private static final Map<Class<?>, ValueType> TYPES = Map.of(
            Moment.class, new ValueType("a date or a date-time with offset", "moment", Moment::parse),
            LocalDate.class, new ValueType("a date YYYY-MM-DD", "date", Moment::parseDate),
            Instant.class, new ValueType("an instant such as 2025-06-05T14:03:09Z", "instant", ValueTypes::instant),
            ZoneId.class, new ValueType("an IANA time zone such as America/New_York", "zone", ValueTypes::zone),
            Due.class, new ValueType("truce-end, none, a date or a date-time with offset", "due", Due::parse),
            Owner.class, new ValueType("a name, an email address, or Name <address>", "owner", Emails::owner));

    private ValueTypes() {
    }

    static ValueType of(Class<?> type) {
        ValueType known = TYPES.get(type);
        if (known == null) {
            throw new IllegalStateException("no reader for values of " + type);
        }
        return known;
    }

    static boolean isKnown(Class<?> type) {
        return TYPES.containsKey(type);
    }

    /** What a value of the type is called: "expected a whole number". */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String noun(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (Labelled.class.isAssignableFrom(type)) {
            return Labels.oneOf((Class) type);
        }
        if (isKnown(type)) {
            return of(type).noun();
        }
        return "a mapping";
    }

    private static Instant instant(String text) {
        Moment moment = Moment.parse(text);
        if (moment.isDateOnly()) {
            throw new InvalidValue("is a date, not an instant (expected a date-time such as 2025-06-05T14:03:09Z)");
        }
        return moment.start(ZoneOffset.UTC);
    }

    private static ZoneId zone(String text) {
        try {
            if (!text.contains("/") && !text.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidValue("is not a known time zone (expected an IANA zone such as America/New_York)"
                    + Suggestions.didYouMean(text, ZoneId.getAvailableZoneIds()));
        }
    }
}
