package dev.truce.yaml.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the build for a binary codec of {@link #roots()} and of every type their record components reach. The
 * annotation processor of the build (dev.truce.processor.CodecProcessor, in src/processor) writes, beside the
 * annotated class {@code X}, a class {@code XCodec} holding a {@link BinaryCodec} constant for each root
 * ({@code ObligationsFileReader.Read} becomes {@code OBLIGATIONS_FILE_READER_READ}), generated from the
 * components of the records: no list of fields is kept by hand, and a component added to a record is written
 * and read with it at the next build.
 *
 * <p>What can be written: primitives and their boxes, String, enums, records, sealed interfaces (a tag for each
 * permitted type), List, Set, Map, Optional and arrays of those, LocalDate, LocalTime, LocalDateTime, Instant,
 * ZoneId, ZoneOffset, OffsetDateTime, ZonedDateTime, Duration, Period, BigDecimal and BigInteger. A class that is
 * none of those is written through a form named in {@link #forms()}. Anything else fails the build.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface BinaryForms {
    /** The records written whole: each gets a codec constant. */
    Class<?>[] roots();

    /**
     * Records that stand for a class that is not a record (a value with private fields): each declares
     * {@code static F of(V value)} and {@code V value()}, and V is written as F's components.
     */
    Class<?>[] forms() default {};
}
