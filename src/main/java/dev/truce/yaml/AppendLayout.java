package dev.truce.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Whether what is appended to a YAML list file can be parsed on its own and mean what it means in the
 * file: the prefix ends with a line break, every line at column 0 of it starts a list item or a comment,
 * and the appended part starts with one too. The parse cache keeps a prefix only where that holds.
 */
record AppendLayout(long length, long crc, boolean appendable, boolean keepsTrailingLines, int lines) {

    /** Of the first {@code limit} bytes: the length the entries were read from, whatever was appended since. */
    static AppendLayout of(Path source, long limit) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        long length = 0;
        boolean atLineStart = true;
        boolean appendable = true;
        int last = '\n';
        int pending = -1; // a '-' at column 0 waiting for its next byte
        boolean keeps = false;
        int previous = 0;
        int beforePrevious = 0;
        int lines = 0;
        try (InputStream in = Files.newInputStream(source)) {
            int read;
            while (length < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - length))) > 0) {
                crc.update(buffer, 0, read);
                length += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                for (int i = 0; i < read && appendable; i++) {
                    byte b = buffer[i];
                    // "|+", ">+", "|2+": a block scalar that keeps its trailing blank lines
                    if (b == '+' && (previous == '|' || previous == '>'
                            || Character.isDigit(previous) && (beforePrevious == '|' || beforePrevious == '>'))) {
                        keeps = true;
                    }
                    beforePrevious = previous;
                    previous = b;
                    if (pending == '-') {
                        appendable = b == ' ' || b == '\n';
                        pending = -1;
                    } else if (atLineStart && b != '\n' && b != ' ') {
                        if (b == '-') {
                            pending = '-';
                        } else {
                            appendable = b == '#';
                        }
                    }
                    atLineStart = b == '\n';
                }
                last = buffer[read - 1];
            }
        }
        // a block scalar keeping trailing lines would swallow blank lines of the appended part: not appendable
        return new AppendLayout(length, crc.getValue(), appendable && !keeps && last == '\n' && length == limit, keeps,
                lines);
    }

    /** Whether the bytes after the prefix start a list item or a comment (after blank lines). */
    static boolean standsAlone(byte[] tail) {
        int i = 0;
        while (i < tail.length && tail[i] == '\n') {
            i++;
        }
        return i == tail.length || tail[i] == '#'
                || tail[i] == '-' && (i + 1 == tail.length || tail[i + 1] == ' ' || tail[i + 1] == '\n');
    }

    static byte[] readTail(Path source, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(source)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the tail is complete
            }
            return buffer.array();
        }
    }
}
