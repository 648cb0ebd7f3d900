package dev.truce.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The one mechanism for the label enums: label to value and back, the list of labels, and what a bad label gets told. */
public final class Labels {
    private static final Map<Class<?>, List<String>> LABELS = new ConcurrentHashMap<>();

    private Labels() {
    }

    /** The value written as {@code text}, exactly (labels are lowercase). */
    public static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.label().equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The value, or an {@link InvalidValue} saying what is expected and which label was probably meant. */
    public static <E extends Enum<E> & Labelled> E require(Class<E> type, String text) {
        return parse(type, text).orElseThrow(() -> new InvalidValue(notOne(type, text)));
    }

    /** Every label, in declaration order. */
    public static <E extends Enum<E> & Labelled> List<String> of(Class<E> type) {
        return LABELS.computeIfAbsent(type, t -> Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
    }

    /** "one of a, b, c", for "(expected ...)" texts. */
    public static <E extends Enum<E> & Labelled> String oneOf(Class<E> type) {
        return "one of " + String.join(", ", of(type));
    }

    /** What is wrong with {@code text}, without quoting it: "is not a kind (expected one of ...); did you mean 'x'?" */
    public static <E extends Enum<E> & Labelled> String notOne(Class<E> type, String text) {
        return "is not " + article(noun(type)) + " (expected " + oneOf(type) + ")"
                + Suggestions.didYouMean(text.toLowerCase(Locale.ROOT), of(type));
    }

    public static String noun(Class<?> type) {
        Noun noun = type.getAnnotation(Noun.class);
        return noun != null ? noun.value() : type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
