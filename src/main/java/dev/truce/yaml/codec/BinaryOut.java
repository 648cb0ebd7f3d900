package dev.truce.yaml.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Bytes as a generated codec writes them: whole numbers as variable-length integers (zig-zag for signed ones),
 * every reference preceded by whether it is there, strings as an index into a table of the distinct strings
 * written (each once, as UTF-8, or as UTF-16 when it holds a lone surrogate, which UTF-8 cannot carry). A
 * string read back twice is one instance, as the reader shares repeated texts when it parses.
 *
 * <p>{@link #toByteArray()}: the number of strings, the table's length in bytes, the table, then the values.
 * Positions ({@link #position()}) count from the start of the values.
 */
public final class BinaryOut {
    private byte[] bytes = new byte[1 << 12];
    private int size;
    private final HashMap<String, Integer> ids = new HashMap<>();
    private final ArrayList<String> strings = new ArrayList<>();

    /** Where the next value goes, from the start of the values. */
    public int position() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void byte1(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    public void bool(boolean v) {
        byte1(v ? 1 : 0);
    }

    public void i8(byte v) {
        byte1(v);
    }

    public void i16(short v) {
        i32(v);
    }

    public void ch(char v) {
        u32(v);
    }

    public void i32(int v) {
        u32((v << 1) ^ (v >> 31));
    }

    public void i64(long v) {
        u64((v << 1) ^ (v >> 63));
    }

    public void f32(float v) {
        fixed32(Float.floatToRawIntBits(v));
    }

    public void f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        fixed32((int) (bits >>> 32));
        fixed32((int) bits);
    }

    /** An unsigned whole number, 7 bits a byte. */
    public void u32(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** How many bytes {@link #u32} writes for {@code v}. */
    public static int sizeOfU32(int v) {
        int size = 1;
        while ((v & ~0x7F) != 0) {
            size++;
            v >>>= 7;
        }
        return size;
    }

    public void u64(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** Four bytes, big-endian: a number that is written now and may be set later ({@link #fixed32At}). */
    public void fixed32(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    /** Sets the four bytes written by {@link #fixed32} at {@code position}. */
    public void fixed32At(int position, int v) {
        if (position < 0 || position + 4 > size) {
            throw new IndexOutOfBoundsException(position);
        }
        bytes[position] = (byte) (v >>> 24);
        bytes[position + 1] = (byte) (v >>> 16);
        bytes[position + 2] = (byte) (v >>> 8);
        bytes[position + 3] = (byte) v;
    }

    /** Whether a reference is there (false: null). */
    public void present(boolean v) {
        byte1(v ? 1 : 0);
    }

    /** How many elements follow; -1 for null. */
    public void count(int n) {
        u32(n + 1);
    }

    public void string(String s) {
        if (s == null) {
            u32(0);
            return;
        }
        Integer id = ids.get(s);
        if (id == null) {
            id = strings.size();
            ids.put(s, id);
            strings.add(s);
        }
        u32(id + 1);
    }

    // ---- the boxes: a presence byte, then the value ----------------------------------------------------

    public void nBool(Boolean v) {
        byte1(v == null ? 0 : v ? 2 : 1);
    }

    public void nI8(Byte v) {
        present(v != null);
        if (v != null) {
            i8(v);
        }
    }

    public void nI16(Short v) {
        present(v != null);
        if (v != null) {
            i16(v);
        }
    }

    public void nChar(Character v) {
        present(v != null);
        if (v != null) {
            ch(v);
        }
    }

    public void nI32(Integer v) {
        present(v != null);
        if (v != null) {
            i32(v);
        }
    }

    public void nI64(Long v) {
        present(v != null);
        if (v != null) {
            i64(v);
        }
    }

    public void nF32(Float v) {
        present(v != null);
        if (v != null) {
            f32(v);
        }
    }

    public void nF64(Double v) {
        present(v != null);
        if (v != null) {
            f64(v);
        }
    }

    // ---- the JDK's value types -------------------------------------------------------------------------

    public void localDate(LocalDate v) {
        present(v != null);
        if (v != null) {
            i64(v.toEpochDay());
        }
    }

    public void localTime(LocalTime v) {
        present(v != null);
        if (v != null) {
            u64(v.toNanoOfDay());
        }
    }

    public void localDateTime(LocalDateTime v) {
        present(v != null);
        if (v != null) {
            i64(v.toLocalDate().toEpochDay());
            u64(v.toLocalTime().toNanoOfDay());
        }
    }

    public void instant(Instant v) {
        present(v != null);
        if (v != null) {
            i64(v.getEpochSecond());
            u32(v.getNano());
        }
    }

    public void zoneId(ZoneId v) {
        string(v == null ? null : v.getId());
    }

    public void zoneOffset(ZoneOffset v) {
        present(v != null);
        if (v != null) {
            i32(v.getTotalSeconds());
        }
    }

    public void offsetDateTime(OffsetDateTime v) {
        present(v != null);
        if (v != null) {
            i64(v.toLocalDate().toEpochDay());
            u64(v.toLocalTime().toNanoOfDay());
            i32(v.getOffset().getTotalSeconds());
        }
    }

    public void zonedDateTime(ZonedDateTime v) {
        present(v != null);
        if (v != null) {
            i64(v.toLocalDate().toEpochDay());
            u64(v.toLocalTime().toNanoOfDay());
            i32(v.getOffset().getTotalSeconds());
            string(v.getZone().getId());
        }
    }

    public void duration(Duration v) {
        present(v != null);
        if (v != null) {
            i64(v.getSeconds());
            u32(v.getNano());
        }
    }

    public void period(Period v) {
        present(v != null);
        if (v != null) {
            i32(v.getYears());
            i32(v.getMonths());
            i32(v.getDays());
        }
    }

    public void bigInteger(BigInteger v) {
        present(v != null);
        if (v != null) {
            unscaled(v);
        }
    }

    /** The unscaled value and the scale: BigDecimal's equals tells 1.5 from 1.50, and so does the cache. */
    public void bigDecimal(BigDecimal v) {
        present(v != null);
        if (v != null) {
            i32(v.scale());
            unscaled(v.unscaledValue());
        }
    }

    private void unscaled(BigInteger v) {
        if (v.bitLength() < 63) {
            u32(0);
            i64(v.longValue());
        } else {
            byte[] twos = v.toByteArray();
            u32(twos.length);
            ensure(twos.length);
            System.arraycopy(twos, 0, bytes, size, twos.length);
            size += twos.length;
        }
    }

    // ---- the whole ---------------------------------------------------------------------------------------

    /** The string table, then the values. */
    public byte[] toByteArray() {
        BinaryOut table = new BinaryOut();
        for (String s : strings) {
            if (hasLoneSurrogate(s)) {
                table.u32(s.length() << 1 | 1);
                table.ensure(s.length() * 2);
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    table.bytes[table.size++] = (byte) (c >>> 8);
                    table.bytes[table.size++] = (byte) c;
                }
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                table.u32(utf8.length << 1);
                table.ensure(utf8.length);
                System.arraycopy(utf8, 0, table.bytes, table.size, utf8.length);
                table.size += utf8.length;
            }
        }
        BinaryOut head = new BinaryOut();
        head.u32(strings.size());
        head.u32(table.size);
        byte[] all = new byte[head.size + table.size + size];
        System.arraycopy(head.bytes, 0, all, 0, head.size);
        System.arraycopy(table.bytes, 0, all, head.size, table.size);
        System.arraycopy(bytes, 0, all, head.size + table.size, size);
        return all;
    }

    /** A surrogate without its pair: UTF-8 would write it as '?'. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
