package dev.truce.yaml;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Labelled;
import dev.truce.domain.Labels;
import dev.truce.domain.Suggestions;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one mechanism that reads YAML mappings into spec records. Each record component is a key: its
 * {@link Key} annotation and its type say what the file may hold there ({@link ValueTypes} knows the
 * types), so adding a key is adding a component. Every problem of the file is reported, each at its
 * line and column, in one pass: a value that cannot be read is a problem and the record that holds it
 * is not made (null), and the binder goes on with the rest. A record's compact constructor checks what
 * spans its keys and reports through {@link Violations}.
 */
public final class SpecBinder {
    private static final Map<Class<?>, Plan> PLANS = new ConcurrentHashMap<>();
    /** Beyond this many distinct values a text is not shared: memory must not grow with unique notes. */
    private static final int SHARED_LIMIT = 4096;

    private final String file;
    private List<Problem> problems;
    /** Repeated texts (ids, claimants, sources) are shared: a log of a million entries says "CN" many times. */
    private final SharedTexts shared = new SharedTexts(SHARED_LIMIT, 200);
    private final Map<Class<?>, Map<String, Object>> converted = new HashMap<>();
    /** Every record made, by path, when asked to keep them: file-wide checks run on what could be read. */
    private final Map<String, Object> made;
    /** Email addresses checked as the mail library sends (see Emails), or quickly. */
    private boolean strictAddresses;

    /** {@code file}: how the file is named in messages; {@code problems} receives what is wrong. */
    public SpecBinder(String file, List<Problem> problems) {
        this(file, problems, false);
    }

    /** {@code keep}: remember every record made, for {@link #made(String)}. */
    public SpecBinder(String file, List<Problem> problems, boolean keep) {
        this.file = file;
        this.problems = problems;
        this.made = keep ? new HashMap<>() : null;
    }

    /** The record made at {@code path} ("truce", "obligations[3]"), if it could be read; needs {@code keep}. */
    public <T> T made(String path, Class<T> type) {
        Object record = made == null ? null : made.get(path);
        return type.isInstance(record) ? type.cast(record) : null;
    }

    public String file() {
        return file;
    }

    /** Check email addresses as the mail library will when it sends ({@link dev.truce.config.StrictEmails}). */
    public SpecBinder strictAddresses(boolean strict) {
        this.strictAddresses = strict;
        return this;
    }

    /** From now on, problems go to {@code sink} (a reader of a long list keeps each item's problems apart). */
    public SpecBinder reportingTo(List<Problem> sink) {
        this.problems = sink;
        return this;
    }

    /** The record read from {@code node}, or null when anything in it is wrong (then the problems say what). */
    public <T extends Record> T bind(Class<T> type, YamlNode node, String path) {
        Plan plan = plan(type);
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(file, node.position(), path, "expected " + plan.expected()
                    + ", found " + node.description()));
            return null;
        }
        boolean ok = unknownKeys(plan, mapping, path);
        Object[] values = new Object[plan.components.size()];
        for (int i = 0; i < values.length; i++) {
            Component c = plan.components.get(i);
            YamlNode value = mapping.values().get(c.key);
            String at = join(path, c.key);
            if (value == null || value instanceof YamlNode.Scalar s && s.isNull()) {
                if (c.required) {
                    problems.add(value == null
                            ? new Problem(file, mapping.position(), at, "missing (" + c.expected() + ")")
                            : new Problem(file, mapping.keys().get(c.key), at, "has no value (" + c.expected() + ")"));
                    ok = false;
                }
                values[i] = null; // a list left out is null too: "thresholds: []" and no thresholds differ
                continue;
            }
            Object read = c.isList() ? list(c, value, at) : one(c, c.type, value, at);
            if (read == FAILED) {
                ok = false;
            } else {
                values[i] = read;
            }
        }
        Object record = ok ? construct(plan, values, mapping, path) : null;
        if (record != null && made != null) {
            made.put(path, record);
        }
        @SuppressWarnings("unchecked")
        T result = (T) record;
        return result;
    }

    /** False when the mapping has a key the record does not know (a typo must not pass for a missing key). */
    private boolean unknownKeys(Plan plan, YamlNode.Mapping mapping, String path) {
        boolean ok = true;
        for (Map.Entry<String, Position> key : mapping.keys().entrySet()) {
            String name = key.getKey();
            if (plan.byKey.containsKey(name)) {
                continue;
            }
            String why = plan.forbidden.get(name);
            if (why != null) {
                problems.add(new Problem(file, key.getValue(), join(path, name), why));
            } else {
                problems.add(Problems.unknownKey(file, key.getValue(), path, name, plan.keys()));
            }
            ok = false;
        }
        return ok;
    }

    private Object construct(Plan plan, Object[] values, YamlNode.Mapping mapping, String path) {
        try {
            return plan.constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Violations.Invalid invalid) {
                for (Violations.Violation v : invalid.violations()) {
                    problems.add(new Problem(file, Paths.position(mapping, v.path()), join(path, v.path()),
                            v.quoted(), v.message()));
                }
                return null;
            }
            throw new IllegalStateException("cannot make " + plan.type.getSimpleName() + " from " + file + " at "
                    + mapping.position() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + plan.type.getSimpleName(), e);
        }
    }

    private static final Object FAILED = new Object();

    private Object list(Component c, YamlNode node, String at) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(new Problem(file, node.position(), at, "expected a list, found " + node.description()
                    + " (" + c.expected() + ")"));
            return FAILED;
        }
        List<Object> items = new ArrayList<>(sequence.items().size());
        boolean ok = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Object read = one(c, c.elementType, item, at + "[" + i + "]");
            if (read == FAILED) {
                ok = false;
            } else if (read != null) {
                items.add(read);
            }
        }
        return ok ? List.copyOf(items) : FAILED;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object one(Component c, Class<?> type, YamlNode node, String at) {
        if (c.nested) {
            Object made = bind((Class) type, node, at);
            return made == null ? FAILED : made;
        }
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            String hint = node instanceof YamlNode.Mapping && type == String.class
                    ? " (a ': ' inside text starts a key: put the text in quotes)" : "";
            problems.add(new Problem(file, node.position(), at, "expected " + ValueTypes.noun(type) + ", found "
                    + node.description() + hint));
            return FAILED;
        }
        if (c.isList() && type == String.class && scalar.type() == YamlNode.ScalarType.DECIMAL) {
            // the message never holds the value (a mail or a log shows the message alone): the person sees it quoted
            problems.add(new Problem(file, node.position(), at, scalar.text(), "must be quoted (in double quotes): "
                    + "YAML reads it as a number and drops trailing zeros"));
            return FAILED;
        }
        try {
            return convert(c, type, scalar);
        } catch (InvalidValue e) {
            problems.add(new Problem(file, node.position(), at, e.quotes() ? quotable(scalar) : null, e.getMessage()));
            return FAILED;
        }
    }

    /** Blank text is not worth quoting back ("'  ' is blank"). */
    private static String quotable(YamlNode.Scalar scalar) {
        return scalar.text() == null || scalar.text().isBlank() ? null : scalar.text();
    }

    private Object convert(Component c, Class<?> type, YamlNode.Scalar scalar) {
        if (type == Integer.class || type == int.class) {
            return whole(scalar, c);
        }
        if (type == BigDecimal.class) {
            return decimal(scalar, c);
        }
        if (type == Boolean.class) {
            if (scalar.type() != YamlNode.ScalarType.BOOLEAN) {
                throw new InvalidValue("is not true or false (" + c.expected() + ")");
            }
            return Boolean.valueOf(scalar.text().toLowerCase(java.util.Locale.ROOT));
        }
        String text = scalar.text();
        if (text.isBlank()) {
            throw new InvalidValue("is blank (" + c.expected() + ")");
        }
        if (type == String.class) {
            return text(text, c);
        }
        if (text.length() > c.maxLength) {
            throw new InvalidValue("is longer than " + c.maxLength + " characters (" + c.expected() + ")");
        }
        Map<String, Object> cache = converted.computeIfAbsent(type, t -> new HashMap<>());
        Object known = cache.get(text);
        if (known != null) {
            return known;
        }
        Object value = Labelled.class.isAssignableFrom(type) ? label(type, text)
                : type == dev.truce.domain.Owner.class && strictAddresses ? dev.truce.config.StrictEmails.owner(text)
                : ValueTypes.of(type).read(text);
        if (cache.size() < SHARED_LIMIT) {
            cache.put(text, value);
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object label(Class<?> type, String text) {
        return Labels.require((Class) type, text);
    }

    private String text(String text, Component c) {
        if (text.length() > c.maxLength) {
            throw new InvalidValue("is longer than " + c.maxLength + " characters (" + c.expected() + ")");
        }
        if (c.oneLine && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
            throw InvalidValue.unquoted("must be one line (found a line break)");
        }
        if (c.pattern != null && !c.pattern.matcher(text).matches()) {
            throw new InvalidValue("is not valid (" + c.expected() + ")");
        }
        if (c.email) {
            return share(strictAddresses ? dev.truce.config.StrictEmails.address(text) : dev.truce.config.Emails.address(text));
        }
        if (c.webAddress) {
            dev.truce.domain.EvidenceChecks.url(text);
        }
        return share(text);
    }

    private static Integer whole(YamlNode.Scalar scalar, Component c) {
        if (scalar.type() != YamlNode.ScalarType.INTEGER) {
            throw new InvalidValue("is not a whole number (" + c.expected() + ")");
        }
        try {
            int value = Integer.parseInt(scalar.text());
            if (value >= c.min && value <= c.max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // too large: out of range like any other
        }
        throw new InvalidValue("is out of range (" + c.expected() + ")");
    }

    private static BigDecimal decimal(YamlNode.Scalar scalar, Component c) {
        if (scalar.type() != YamlNode.ScalarType.INTEGER && scalar.type() != YamlNode.ScalarType.DECIMAL) {
            throw new InvalidValue("is not a number (" + c.expected() + ")");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(scalar.text());
        } catch (NumberFormatException e) {
            throw new InvalidValue("is not a number (" + c.expected() + ")");
        }
        if (value.compareTo(BigDecimal.valueOf(c.min)) < 0 || value.compareTo(BigDecimal.valueOf(c.max)) > 0) {
            throw new InvalidValue("is out of range (" + c.expected() + ")");
        }
        return value;
    }

    private String share(String text) {
        return shared.of(text);
    }

    private static String join(String path, String key) {
        if (key.isEmpty()) {
            return path;
        }
        return path.isEmpty() || key.startsWith("[") ? path + key : path + "." + key;
    }

    // ---- plans: what a record type holds, worked out once ----------------------------------------------

    static Plan plan(Class<?> type) {
        return PLANS.computeIfAbsent(type, Plan::of);
    }

    /** A record type as the binder and the schema see it. */
    record Plan(Class<?> type, Spec spec, Constructor<?> constructor, List<Component> components,
                Map<String, Component> byKey, Map<String, String> forbidden) {
        static Plan of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            Spec spec = type.getAnnotation(Spec.class);
            if (spec == null) {
                throw new IllegalArgumentException(type + " has no @Spec");
            }
            RecordComponent[] records = type.getRecordComponents();
            List<Component> components = new ArrayList<>();
            Class<?>[] signature = new Class<?>[records.length];
            Map<String, Component> byKey = new LinkedHashMap<>();
            for (int i = 0; i < records.length; i++) {
                Component c = Component.of(records[i]);
                components.add(c);
                byKey.put(c.key, c);
                signature[i] = records[i].getType();
            }
            Map<String, String> forbidden = new HashMap<>();
            for (int i = 0; i + 1 < spec.forbidden().length; i += 2) {
                forbidden.put(spec.forbidden()[i], spec.forbidden()[i + 1]);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(signature);
                constructor.setAccessible(true);
                return new Plan(type, spec, constructor, List.copyOf(components), byKey, forbidden);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }

        List<String> keys() {
            return List.copyOf(byKey.keySet());
        }

        String expected() {
            if (!spec.expected().isEmpty()) {
                return spec.expected();
            }
            List<String> required = components.stream().filter(Component::required).map(c -> c.key).toList();
            return required.isEmpty() ? "a mapping" : "a mapping with " + String.join(", ", required);
        }
    }

    /**
     * One key: its name in the file, its type (and item type for a list), its annotation; and the annotation's
     * rules as the binder checks them for every value, read once here (each call on an annotation is a reflective
     * call through a proxy: a log of 100,000 entries made a million of them).
     */
    record Component(String key, String name, Class<?> type, Class<?> elementType, Key annotation, Pattern pattern,
                     boolean required, int maxLength, boolean oneLine, boolean email, boolean webAddress, long min,
                     long max, boolean nested) {
        static Component of(RecordComponent component) {
            Key key = component.getAnnotation(Key.class);
            if (key == null) {
                throw new IllegalStateException(component + " has no @Key");
            }
            String name = key.name().isEmpty() ? snake(component.getName()) : key.name();
            Class<?> element = null;
            if (component.getType() == List.class) {
                Type generic = component.getGenericType();
                element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            }
            return new Component(name, component.getName(), component.getType(), element, key,
                    key.pattern().isEmpty() ? null : Pattern.compile(key.pattern()), key.required(), key.maxLength(),
                    key.oneLine(), key.email(), key.webAddress(), key.min(), key.max(),
                    nested(element != null ? element : component.getType()));
        }

        /** A value of this type is a mapping bound to a spec record of its own. */
        private static boolean nested(Class<?> type) {
            return type.isRecord() && !ValueTypes.isKnown(type);
        }

        boolean isList() {
            return elementType != null;
        }

        Class<?> valueType() {
            return isList() ? elementType : type;
        }

        /** "expected ..." for messages: the annotation's, else what the type expects. */
        String expected() {
            return annotation.expected().isEmpty() ? "expected " + ValueTypes.noun(valueType()) : annotation.expected();
        }

        private static String snake(String name) {
            StringBuilder out = new StringBuilder();
            for (char ch : name.toCharArray()) {
                if (Character.isUpperCase(ch)) {
                    out.append('_').append(Character.toLowerCase(ch));
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        }
    }

    /** Problems the binder and its callers share. */
    static final class Problems {
        private Problems() {
        }

        static Problem unknownKey(String file, Position at, String path, String key, List<String> allowed) {
            return new Problem(file, at, path, key, "is not a key here (expected one of " + String.join(", ", allowed)
                    + ")" + Suggestions.didYouMean(key, allowed));
        }
    }
}
