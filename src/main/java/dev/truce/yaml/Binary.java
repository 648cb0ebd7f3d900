package dev.truce.yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The cache's binary form: big-endian numbers and length-prefixed UTF-8 text. Reading goes through
 * a ByteBuffer over the whole entry, which is several times faster than a DataInputStream on a
 * cold JVM (its reads are synchronised and not yet compiled).
 */
final class Binary {
    private Binary() {
    }

    static final class Writer {
        private final ByteBuffer scratch = ByteBuffer.allocate(8);
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void writeInt(int v) throws IOException {
            scratch.clear();
            out.write(scratch.putInt(v).array(), 0, 4);
        }

        void writeLong(long v) throws IOException {
            scratch.clear();
            out.write(scratch.putLong(v).array(), 0, 8);
        }

        void writeByte(int v) throws IOException {
            out.write(v);
        }

        void writeBoolean(boolean v) throws IOException {
            out.write(v ? 1 : 0);
        }

        void writeText(String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            out.write(utf8);
        }

        /** A moment or null: a tag, then the epoch day, or the instant and its offset. */
        void writeMoment(dev.truce.domain.Moment m) throws IOException {
            if (m == null) {
                writeByte(0);
            } else if (m.isDateOnly()) {
                writeByte(1);
                writeLong(m.dateIn(java.time.ZoneOffset.UTC).toEpochDay());
            } else {
                java.time.OffsetDateTime at = m.offsetDateTime();
                writeByte(2);
                writeLong(at.toInstant().getEpochSecond());
                writeInt(at.getNano());
                writeInt(at.getOffset().getTotalSeconds());
            }
        }

        /** Text or null. */
        void writeOptional(String s) throws IOException {
            writeBoolean(s != null);
            if (s != null) {
                writeText(s);
            }
        }
    }

    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] bytes) {
            this.in = ByteBuffer.wrap(bytes);
        }

        int readInt() throws IOException {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw new IOException("truncated", e);
            }
        }

        long readLong() throws IOException {
            try {
                return in.getLong();
            } catch (BufferUnderflowException e) {
                throw new IOException("truncated", e);
            }
        }

        byte readByte() throws IOException {
            try {
                return in.get();
            } catch (BufferUnderflowException e) {
                throw new IOException("truncated", e);
            }
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        String readText() throws IOException {
            int length = readInt();
            if (length < 0 || length > in.remaining()) {
                throw new IOException("truncated");
            }
            String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return s;
        }

        /** As written by {@link Writer#writeMoment}; bare dates are shared through {@code days}. */
        dev.truce.domain.Moment readMoment(java.util.Map<Long, dev.truce.domain.Moment> days) throws IOException {
            switch (readByte()) {
                case 0:
                    return null;
                case 1:
                    return days.computeIfAbsent(readLong(),
                            day -> dev.truce.domain.Moment.ofDate(java.time.LocalDate.ofEpochDay(day)));
                case 2:
                    java.time.Instant instant = java.time.Instant.ofEpochSecond(readLong(), readInt());
                    return dev.truce.domain.Moment.ofDateTime(java.time.OffsetDateTime.ofInstant(instant,
                            java.time.ZoneOffset.ofTotalSeconds(readInt())));
                default:
                    throw new IOException("bad moment tag");
            }
        }

        String readOptional() throws IOException {
            return readBoolean() ? readText() : null;
        }
    }

    static ByteArrayOutputStream buffer(int size) {
        return new ByteArrayOutputStream(size);
    }
}
