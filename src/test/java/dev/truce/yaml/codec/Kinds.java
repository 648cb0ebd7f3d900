package dev.truce.yaml.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/** Every kind of value the generated codecs write, for {@link CodecKindsTest}: the processor runs on test sources too. */
@BinaryForms(roots = {Kinds.All.class, Kinds.Empty.class}, forms = Kinds.CelsiusForm.class)
final class Kinds {
    private Kinds() {
    }

    sealed interface Shape permits Circle, Square, Named, Tagged {
    }

    record Circle(double radius) implements Shape {
    }

    record Square(float side, char mark) implements Shape {
    }

    enum Named implements Shape { ONE, TWO, THREE }

    sealed interface Tagged extends Shape permits Label {
    }

    record Label(String text) implements Tagged {
    }

    record Empty() {
    }

    /** A value class that is not a record: written through its form. */
    static final class Celsius {
        private final double degrees;

        Celsius(double degrees) {
            this.degrees = degrees;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Celsius c && Double.compare(c.degrees, degrees) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(degrees);
        }
    }

    record CelsiusForm(double degrees) {
        static CelsiusForm of(Celsius c) {
            return new CelsiusForm(c.degrees);
        }

        Celsius value() {
            return new Celsius(degrees);
        }
    }

    record All(boolean b, byte i8, short i16, char ch, int i32, long i64, float f32, double f64,
               Boolean nb, Byte n8, Short n16, Character nch, Integer n32, Long n64, Float nf32, Double nf64,
               String s, LocalDate date, LocalTime time, LocalDateTime dateTime, Instant instant, ZoneId zone,
               ZoneOffset offset, OffsetDateTime offsetDateTime, ZonedDateTime zoned, Duration duration, Period period,
               BigDecimal decimal, BigInteger integer, Optional<String> optional, Optional<List<Shape>> shapes,
               List<Map<String, List<Integer>>> nested, Set<String> set, SortedSet<String> sorted,
               TreeMap<String, Shape> tree, Map<Named, Optional<Long>> byName, Shape shape, List<Shape> everyShape,
               int[] ints, String[][] grid, Celsius celsius, Empty empty) {
        /** Arrays compared by content, so that a test can compare two. */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof All a)) {
                return false;
            }
            for (var c : All.class.getRecordComponents()) {
                try {
                    if (!Objects.deepEquals(c.getAccessor().invoke(this), c.getAccessor().invoke(a))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return Objects.hash(s, date);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("All[");
            for (var c : All.class.getRecordComponents()) {
                try {
                    out.append(c.getName()).append('=').append(java.util.Arrays.deepToString(new Object[] {c.getAccessor().invoke(this)}))
                            .append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out.append(']').toString();
        }
    }
}
