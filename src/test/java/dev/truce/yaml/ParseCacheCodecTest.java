package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Moment;
import dev.truce.yaml.codec.BinaryCodec;
import dev.truce.yaml.codec.BinaryIn;
import dev.truce.yaml.codec.BinaryOut;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The cache's codec carries every component of every record it writes: the records reachable from its roots are
 * made with every component set (no null, no zero, no empty list), written, read back and compared; and the set of
 * types the generated codec covers is exactly the set reachable from the roots, found here by reflection. A
 * component added to a record is written by the next build's codec, or this fails.
 */
class ParseCacheCodecTest {
    private static final long SEED = 20_251_123L;

    /** What the roots reach through their components: records, enums, sealed interfaces, and classes written through a form. */
    private static Set<Class<?>> reachable() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Type> pending = new ArrayList<>(CacheFormsCodec.ROOTS);
        while (!pending.isEmpty()) {
            Type type = pending.remove(pending.size() - 1);
            if (type instanceof ParameterizedType p) {
                pending.addAll(Arrays.asList(p.getActualTypeArguments()));
                continue;
            }
            Class<?> c = (Class<?>) type;
            if (c.isArray()) {
                pending.add(c.getComponentType());
                continue;
            }
            if (!c.getPackageName().startsWith("dev.truce") || !seen.add(c)) {
                continue;
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    pending.add(component.getGenericType());
                }
            } else if (c.isSealed()) {
                pending.addAll(Arrays.asList(c.getPermittedSubclasses()));
            } else if (c == Moment.class) {
                pending.add(CacheForms.MomentForm.class);
            } else if (!c.isEnum()) {
                throw new AssertionError(c + " is reached from the cache's roots, but is neither a record, an enum, a sealed "
                        + "interface nor a class with a form");
            }
        }
        return seen;
    }

    @Test
    void theCodecCoversEveryTypeTheRootsReach() {
        Set<Class<?>> reachable = reachable();
        assertEquals(reachable, new HashSet<>(CacheFormsCodec.TYPES));
        assertTrue(reachable.contains(dev.truce.domain.Obligation.class) && reachable.contains(dev.truce.domain.Evidence.class)
                && reachable.contains(dev.truce.domain.Outcome.class), reachable.toString());
    }

    /** Moment is written through its form: a field added to Moment must be added to the form too. */
    @Test
    void theMomentFormHoldsEveryFieldOfMoment() {
        Map<String, Class<?>> fields = new TreeMap<>();
        for (Field field : Moment.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                fields.put(field.getName(), field.getType());
            }
        }
        Map<String, Class<?>> form = new TreeMap<>();
        for (RecordComponent component : CacheForms.MomentForm.class.getRecordComponents()) {
            form.put(component.getName(), component.getType());
        }
        assertEquals(fields, form);
        for (Moment m : List.of(Moment.parse("2026-11-10"), Moment.parse("2026-11-10T00:01-05:00"))) {
            assertEquals(m, CacheForms.MomentForm.of(m).value());
        }
    }

    @Test
    void everyRecordReadsBackEqualWithEveryComponentSet() {
        Values values = new Values(new Random(SEED));
        for (int trial = 0; trial < 200; trial++) {
            roundTrip(CacheFormsCodec.OBLIGATIONS_FILE_READER_READ, values.make(ObligationsFileReader.Read.class));
            roundTrip(CacheFormsCodec.ENTRY_FILE_READER_READ, values.make(EntryFileReader.Read.class));
            roundTrip(CacheFormsCodec.EVIDENCE, values.make(dev.truce.domain.Evidence.class));
        }
        for (Class<?> type : CacheFormsCodec.TYPES) {
            if (type.isRecord() && type != CacheForms.MomentForm.class) {
                assertTrue(values.whole.contains(type), type + " was never made with every component set");
            }
            if (type.isEnum()) {
                assertEquals(Set.of(type.getEnumConstants()), values.constants.get(type), type + ": every constant");
            }
        }
    }

    /** Written, read back equal, every byte read. */
    private static <T> void roundTrip(BinaryCodec<T> codec, T value) {
        BinaryOut out = new BinaryOut();
        codec.write(out, value);
        BinaryIn in = BinaryIn.of(out.toByteArray());
        T back = codec.read(in);
        assertEquals(value, back);
        assertTrue(in.atEnd(), "every byte read");
    }

    @Test
    void aStringWithALoneSurrogateReadsBackAsItWas() {
        Values values = new Values(new Random(SEED));
        dev.truce.domain.Evidence e = values.make(dev.truce.domain.Evidence.class).toBuilder()
                .note("half a pair \uD83D here").source("\uDE00 and a whole one 🙂").build();
        roundTrip(CacheFormsCodec.EVIDENCE, e);
        assertNotEquals(e.note(), new String(e.note().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8), "UTF-8 alone would lose it");
    }

    /**
     * Values of any type the cache writes, made at random with everything set; a record whose constructor refuses
     * that (a due date that is not fixed has no moment) is made again with some components left out, so every enum
     * constant comes up too.
     */
    static final class Values {
        private static final String[] TEXTS = {"tariff", "稀土 商务部", "🇨🇳 🇺🇸", "quote \" and \\ slash", "line\nbreak", "x"};
        private static final String[] ZONES = {"America/New_York", "Asia/Shanghai", "UTC", "+08:00", "Europe/Brussels"};
        final Set<Class<?>> whole = new HashSet<>();
        final Map<Class<?>, Set<Object>> constants = new HashMap<>();
        private final Random random;

        Values(Random random) {
            this.random = random;
        }

        <T> T make(Class<T> type) {
            return type.cast(value(type, 0));
        }

        private Object value(Type type, double absent) {
            if (type instanceof ParameterizedType p) {
                return generic((Class<?>) p.getRawType(), p.getActualTypeArguments(), absent);
            }
            Class<?> c = (Class<?>) type;
            if (!c.isPrimitive() && absent > 0 && random.nextDouble() < absent) {
                return null;
            }
            if (c == int.class || c == Integer.class) {
                return 1 + random.nextInt(1000);
            }
            if (c == long.class || c == Long.class) {
                return 1L + random.nextInt(1 << 30) * 7919L;
            }
            if (c == boolean.class || c == Boolean.class) {
                return absent == 0 || random.nextBoolean();
            }
            if (c == String.class) {
                return TEXTS[random.nextInt(TEXTS.length)] + " " + random.nextInt(50);
            }
            if (c == LocalDate.class) {
                return LocalDate.of(2020 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            }
            if (c == Instant.class) {
                return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1 << 28), random.nextInt(1_000_000_000));
            }
            if (c == ZoneId.class) {
                return ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
            }
            if (c == BigDecimal.class) {
                return random.nextBoolean() ? new BigDecimal(BigInteger.valueOf(random.nextInt(100_000) + 1), random.nextInt(4))
                        : new BigDecimal(new BigInteger(100, random).add(BigInteger.ONE), 3);
            }
            if (c == Moment.class) {
                LocalDate day = (LocalDate) value(LocalDate.class, 0);
                return random.nextBoolean() ? Moment.ofDate(day) : Moment.ofDateTime(OffsetDateTime.of(day.atTime(
                        random.nextInt(24), random.nextInt(60)), ZoneOffset.ofHours(random.nextInt(25) - 12)));
            }
            if (c.isEnum()) {
                Object constant = c.getEnumConstants()[random.nextInt(c.getEnumConstants().length)];
                constants.computeIfAbsent(c, k -> new HashSet<>()).add(constant);
                return constant;
            }
            if (c.isRecord()) {
                return record(c);
            }
            throw new AssertionError("the test does not make " + c + ": teach Values.value to");
        }

        private Object generic(Class<?> raw, Type[] args, double absent) {
            int n = 1 + random.nextInt(3);
            if (List.class.isAssignableFrom(raw)) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(value(args[0], 0));
                }
                return list;
            }
            if (Set.class.isAssignableFrom(raw)) {
                Set<Object> set = raw == TreeSet.class ? new TreeSet<>() : new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    set.add(value(args[0], 0));
                }
                return set;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<Object, Object> map = raw == HashMap.class ? new HashMap<>() : new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(value(args[0], 0), value(args[1], 0));
                }
                return map;
            }
            throw new AssertionError("the test does not make " + raw + ": teach Values.generic to");
        }

        /** Every component set; refused, then again with more and more of them left out. */
        private Object record(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            RuntimeException last = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                double absent = attempt == 0 ? 0 : Math.min(0.9, attempt / 20.0);
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    args[i] = value(components[i].getGenericType(), absent);
                }
                try {
                    Constructor<?> canonical = type.getDeclaredConstructor(types);
                    canonical.setAccessible(true);
                    Object made = canonical.newInstance(args);
                    if (attempt == 0) {
                        whole.add(type);
                    }
                    return made;
                } catch (InvocationTargetException e) {
                    last = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            throw new AssertionError("cannot make a " + type, last);
        }
    }
}
