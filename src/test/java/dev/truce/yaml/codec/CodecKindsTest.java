package dev.truce.yaml.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated codecs over every kind of value they claim to write (see {@link BinaryForms}): set, at their
 * extremes, and absent; and the processor refuses, at build time, a component it cannot write.
 */
class CodecKindsTest {
    @TempDir
    Path dir;

    private static Kinds.All read(Kinds.All value) {
        BinaryOut out = new BinaryOut();
        KindsCodec.KINDS_ALL.write(out, value);
        BinaryIn in = BinaryIn.of(out.toByteArray());
        Kinds.All back = KindsCodec.KINDS_ALL.read(in);
        assertTrue(in.atEnd());
        return back;
    }

    @Test
    void everyKindIsReadBackAsWritten() {
        Map<String, List<Integer>> inner = new LinkedHashMap<>();
        inner.put("a", List.of(1, -2, Integer.MAX_VALUE));
        inner.put("b", new ArrayList<>(java.util.Arrays.asList(null, Integer.MIN_VALUE)));
        TreeMap<String, Kinds.Shape> tree = new TreeMap<>(Map.of("c", new Kinds.Circle(-0.0), "n", Kinds.Named.THREE,
                "l", new Kinds.Label("tag")));
        Map<Kinds.Named, Optional<Long>> byName = new LinkedHashMap<>();
        byName.put(Kinds.Named.TWO, Optional.of(Long.MIN_VALUE));
        byName.put(Kinds.Named.ONE, Optional.empty());
        byName.put(Kinds.Named.THREE, null);
        Kinds.All all = new Kinds.All(true, Byte.MIN_VALUE, Short.MIN_VALUE, '\uFFFF', Integer.MIN_VALUE, Long.MAX_VALUE,
                Float.NaN, Double.NEGATIVE_INFINITY, false, (byte) -1, (short) 300, '\0', -1, Long.MIN_VALUE, -0.0f, 1e300,
                "lone \uD800 surrogate, 稀土 and 🙂", LocalDate.MIN, LocalTime.MAX, LocalDateTime.of(-999, 1, 1, 0, 0),
                Instant.ofEpochSecond(-31_557_014_167_219_200L, 999_999_999), ZoneId.of("Asia/Shanghai"),
                ZoneOffset.ofHoursMinutesSeconds(-7, -30, -15), OffsetDateTime.parse("2026-11-10T00:01:02.000000003-05:00"),
                ZonedDateTime.of(LocalDateTime.of(2026, 11, 1, 1, 30), ZoneId.of("America/New_York")).withLaterOffsetAtOverlap(),
                Duration.ofSeconds(-5, 7), Period.of(1, -2, 3), new BigDecimal("-123456789012345678901234567890.1250"),
                BigInteger.TWO.pow(200).negate(), Optional.of(""), Optional.of(List.of(new Kinds.Square(1.5f, 'x'),
                Kinds.Named.ONE)), List.of(inner, Map.of()), Set.of("x", "y"), new TreeSet<>(Set.of("b", "a")), tree,
                byName, new Kinds.Label(null), List.of(new Kinds.Circle(2), new Kinds.Square(0, 'q'), Kinds.Named.TWO,
                new Kinds.Label("l")), new int[] {0, -1, 7}, new String[][] {{"a", null}, null, {}},
                new Kinds.Celsius(-273.15), new Kinds.Empty());
        assertEquals(all, read(all));
        assertEquals("lone \uD800 surrogate, 稀土 and 🙂", read(all).s());
        assertEquals(ZonedDateTime.of(LocalDateTime.of(2026, 11, 1, 1, 30), ZoneId.of("America/New_York"))
                .withLaterOffsetAtOverlap().getOffset(), read(all).zoned().getOffset(), "the later of two offsets");
    }

    @Test
    void everyReferenceMayBeAbsent() {
        Kinds.All none = new Kinds.All(false, (byte) 0, (short) 0, 'a', 0, 0, 0, 0, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertEquals(none, read(none));
        Kinds.All empty = new Kinds.All(false, (byte) 0, (short) 0, 'a', 0, 0, 0, 0, null, null, null, null, null, null,
                null, null, "", null, null, null, null, null, null, null, null, null, null, null, null, Optional.empty(),
                Optional.empty(), List.of(), Set.of(), new TreeSet<>(), new TreeMap<>(), Map.of(), null, List.of(),
                new int[0], new String[0][], null, null);
        assertEquals(empty, read(empty));
    }

    @Test
    void bytesThatAreNotWhatWasWrittenFailRatherThanReadAsSomethingElse() {
        BinaryOut out = new BinaryOut();
        KindsCodec.KINDS_EMPTY.write(out, new Kinds.Empty());
        out.u32(5); // a count larger than what follows
        BinaryIn in = BinaryIn.of(out.toByteArray());
        KindsCodec.KINDS_EMPTY.read(in);
        assertThrows(IllegalStateException.class, in::count);
        assertThrows(IllegalStateException.class, () -> BinaryIn.of(ByteBuffer.wrap(new byte[] {(byte) 0x85, 0x7f, 1})));
    }

    /** The processor fails the build, at the component, for a type it cannot write. */
    @Test
    void aComponentTheCodecCannotWriteFailsTheBuild() throws IOException {
        for (String[] bad : List.of(
                new String[] {"Object thing", "cannot write java.lang.Object"},
                new String[] {"java.util.List<?> things", "only concrete types"},
                new String[] {"java.util.Map things", "raw type"},
                new String[] {"Thread.State state, java.io.File file", "cannot write java.io.File"})) {
            String errors = compile("""
                    package p;
                    @dev.truce.yaml.codec.BinaryForms(roots = Holder.Root.class)
                    final class Holder {
                        record Root(String name, %s) {
                        }
                    }
                    """.formatted(bad[0]));
            assertTrue(errors.contains(bad[1]), bad[0] + ": " + errors);
            assertTrue(errors.contains("BinaryForms:"), errors);
        }
        assertEquals("", compile("""
                package p;
                @dev.truce.yaml.codec.BinaryForms(roots = Holder.Root.class)
                final class Holder {
                    record Root(String name, Thread.State state) {
                    }
                }
                """), "an enum of the JDK is written by its ordinal");
    }

    /** Compiles one source with the build's processor; the errors, or "" when it compiled. */
    private String compile(String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path src = Files.createDirectories(dir.resolve("src/p"));
        Files.writeString(src.resolve("Holder.java"), source);
        Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", out.toString(), "-s", out.toString(), "-proc:only",
                    "-processorpath", Path.of("target", "processor-classes").toString(),
                    "-processor", "dev.truce.processor.CodecProcessor",
                    "-classpath", System.getProperty("java.class.path"));
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(src.resolve("Holder.java"))).call();
        }
        StringBuilder errors = new StringBuilder();
        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .forEach(d -> errors.append(d.getMessage(Locale.ROOT)).append('\n'));
        return errors.toString();
    }
}
