package dev.truce.yaml.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

/**
 * Reads what a {@link BinaryOut} wrote, from a buffer on the heap or a file mapped into memory, at any position:
 * a value can be read without those before it. Strings are decoded the first time they are asked for and
 * shared after. Bytes that are not what a writer wrote fail with an {@link IllegalStateException} or an
 * {@link IndexOutOfBoundsException}, never with a value made up: a caller treats either as "no cache".
 */
public final class BinaryIn {
    private final ByteBuffer buffer;
    private final int values;
    private final int end;
    private final int[] stringAt;
    private final String[] strings;
    private int position;
    private byte[] scratch = new byte[256];

    private BinaryIn(ByteBuffer buffer) {
        this.buffer = buffer;
        this.position = buffer.position();
        this.end = buffer.limit();
        int count = u32();
        int tableLength = u32();
        if (count < 0 || count > tableLength || tableLength < 0 || tableLength > end - position) {
            throw corrupt();
        }
        stringAt = new int[count];
        strings = new String[count];
        int tableEnd = position + tableLength;
        for (int i = 0; i < count; i++) {
            stringAt[i] = position;
            int header = u32();
            int length = (header >>> 1) * ((header & 1) + 1);
            if (length < 0 || length > tableEnd - position) {
                throw corrupt();
            }
            position += length;
        }
        if (position != tableEnd) {
            throw corrupt();
        }
        values = tableEnd;
    }

    /** The bytes from {@code buffer}'s position to its limit, as {@link BinaryOut#toByteArray()} made them. */
    public static BinaryIn of(ByteBuffer buffer) {
        return new BinaryIn(buffer);
    }

    public static BinaryIn of(byte[] bytes) {
        return new BinaryIn(ByteBuffer.wrap(bytes));
    }

    /** Where the next value is read, from the start of the values (as {@link BinaryOut#position()} counted). */
    public int position() {
        return position - values;
    }

    /** Reads on from {@code at}, a position {@link BinaryOut#position()} gave. */
    public void seek(int at) {
        if (at < 0 || at > end - values) {
            throw corrupt();
        }
        position = values + at;
    }

    /** Whether every value has been read. */
    public boolean atEnd() {
        return position == end;
    }

    public IllegalStateException corrupt() {
        return new IllegalStateException("not what was written");
    }

    private int byte1() {
        if (position >= end) {
            throw corrupt();
        }
        return buffer.get(position++);
    }

    public boolean bool() {
        int b = byte1();
        if ((b & ~1) != 0) {
            throw corrupt();
        }
        return b == 1;
    }

    public byte i8() {
        return (byte) byte1();
    }

    public short i16() {
        int v = i32();
        if (v != (short) v) {
            throw corrupt();
        }
        return (short) v;
    }

    public char ch() {
        int v = u32();
        if (v != (char) v) {
            throw corrupt();
        }
        return (char) v;
    }

    public int i32() {
        int v = u32();
        return (v >>> 1) ^ -(v & 1);
    }

    public long i64() {
        long v = u64();
        return (v >>> 1) ^ -(v & 1);
    }

    public float f32() {
        return Float.intBitsToFloat(fixed32());
    }

    public double f64() {
        long high = fixed32() & 0xFFFFFFFFL;
        return Double.longBitsToDouble(high << 32 | (fixed32() & 0xFFFFFFFFL));
    }

    public int u32() {
        int b = byte1();
        if (b >= 0) {
            return b;
        }
        int v = b & 0x7F;
        for (int shift = 7; shift < 35; shift += 7) {
            b = byte1();
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw corrupt();
    }

    public long u64() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = byte1();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw corrupt();
    }

    public int fixed32() {
        if (position + 4 > end) {
            throw corrupt();
        }
        int v = buffer.getInt(position);
        position += 4;
        return v;
    }

    public boolean present() {
        return bool();
    }

    /** How many elements follow ({@link BinaryOut#count}); -1 for null. Never more than there are bytes left. */
    public int count() {
        int n = u32() - 1;
        if (n < -1 || n > end - position) {
            throw corrupt();
        }
        return n;
    }

    public String string() {
        int ref = u32();
        if (ref == 0) {
            return null;
        }
        int index = ref - 1;
        if (index < 0 || index >= strings.length) {
            throw corrupt();
        }
        String s = strings[index];
        if (s == null) {
            s = decode(index);
            strings[index] = s;
        }
        return s;
    }

    private String decode(int index) {
        int saved = position;
        position = stringAt[index];
        int header = u32();
        int length = header >>> 1;
        String s;
        if ((header & 1) == 0) {
            if (buffer.hasArray()) {
                s = new String(buffer.array(), buffer.arrayOffset() + position, length, StandardCharsets.UTF_8);
            } else {
                if (scratch.length < length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                buffer.get(position, scratch, 0, length);
                s = new String(scratch, 0, length, StandardCharsets.UTF_8);
            }
        } else {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = buffer.getChar(position + 2 * i);
            }
            s = new String(chars);
        }
        position = saved;
        return s;
    }

    // ---- the boxes -----------------------------------------------------------------------------------------

    public Boolean nBool() {
        int b = byte1();
        return switch (b) {
            case 0 -> null;
            case 1 -> Boolean.FALSE;
            case 2 -> Boolean.TRUE;
            default -> throw corrupt();
        };
    }

    public Byte nI8() {
        return present() ? i8() : null;
    }

    public Short nI16() {
        return present() ? i16() : null;
    }

    public Character nChar() {
        return present() ? ch() : null;
    }

    public Integer nI32() {
        return present() ? i32() : null;
    }

    public Long nI64() {
        return present() ? i64() : null;
    }

    public Float nF32() {
        return present() ? f32() : null;
    }

    public Double nF64() {
        return present() ? f64() : null;
    }

    // ---- the JDK's value types -------------------------------------------------------------------------

    public LocalDate localDate() {
        return present() ? LocalDate.ofEpochDay(i64()) : null;
    }

    public LocalTime localTime() {
        return present() ? LocalTime.ofNanoOfDay(u64()) : null;
    }

    public LocalDateTime localDateTime() {
        return present() ? LocalDateTime.of(LocalDate.ofEpochDay(i64()), LocalTime.ofNanoOfDay(u64())) : null;
    }

    public Instant instant() {
        return present() ? Instant.ofEpochSecond(i64(), u32()) : null;
    }

    public ZoneId zoneId() {
        String id = string();
        return id == null ? null : ZoneId.of(id);
    }

    public ZoneOffset zoneOffset() {
        return present() ? ZoneOffset.ofTotalSeconds(i32()) : null;
    }

    public OffsetDateTime offsetDateTime() {
        if (!present()) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(i64()), LocalTime.ofNanoOfDay(u64()));
        return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(i32()));
    }

    public ZonedDateTime zonedDateTime() {
        if (!present()) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(i64()), LocalTime.ofNanoOfDay(u64()));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(i32());
        String zone = string();
        if (zone == null) {
            throw corrupt();
        }
        return ZonedDateTime.ofStrict(local, offset, ZoneId.of(zone));
    }

    public Duration duration() {
        return present() ? Duration.ofSeconds(i64(), u32()) : null;
    }

    public Period period() {
        return present() ? Period.of(i32(), i32(), i32()) : null;
    }

    public BigInteger bigInteger() {
        return present() ? unscaled() : null;
    }

    public BigDecimal bigDecimal() {
        if (!present()) {
            return null;
        }
        int scale = i32();
        return new BigDecimal(unscaled(), scale);
    }

    private BigInteger unscaled() {
        int length = u32();
        if (length == 0) {
            return BigInteger.valueOf(i64());
        }
        if (length < 0 || length > end - position) {
            throw corrupt();
        }
        byte[] twos = new byte[length];
        buffer.get(position, twos, 0, length);
        position += length;
        return new BigInteger(twos);
    }
}
