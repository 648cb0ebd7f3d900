package dev.truce.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The end of a YAML list file, read without reading the file: its last bytes, whether it ends with a
 * line break, which line break it uses, and where its last top-level entry ('- ' at the list's
 * indentation) starts. The appender checks that entry instead of the whole file.
 */
final class FileTail {
    static final int WINDOW = 64 * 1024;

    private final long size;
    private final byte[] bytes;
    private final long windowStart;

    private FileTail(long size, byte[] bytes, long windowStart) {
        this.size = size;
        this.bytes = bytes;
        this.windowStart = windowStart;
    }

    static FileTail read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = Math.max(0, size - WINDOW);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // read until the window is full; a file that shrank meanwhile ends the loop
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return new FileTail(start + bytes.length, bytes, start);
        }
    }

    long size() {
        return size;
    }

    boolean endsWithLineBreak() {
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    /** The file's line break: CRLF if it uses one at its end, else LF. */
    String lineBreak() {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i > 0 && bytes[i - 1] == '\r' ? "\r\n" : "\n";
            }
        }
        return "\n";
    }

    /** The last top-level entry: where it starts in the file, its indentation and its text to the end. */
    record LastEntry(long offset, String indent, String text) {
    }

    /**
     * The last line starting with '- ' (or a lone '-') at the smallest indentation such a line has in
     * the window. Empty when the window holds none, or its text is not UTF-8: the caller then checks
     * the whole file.
     */
    Optional<LastEntry> lastEntry() {
        int best = -1;
        int bestIndent = Integer.MAX_VALUE;
        for (int lineStart = firstLineStart(); lineStart < bytes.length; lineStart = nextLine(lineStart)) {
            int i = lineStart;
            while (i < bytes.length && bytes[i] == ' ') {
                i++;
            }
            int indent = i - lineStart;
            boolean dash = i < bytes.length && bytes[i] == '-'
                    && (i + 1 == bytes.length || bytes[i + 1] == ' ' || bytes[i + 1] == '\n' || bytes[i + 1] == '\r');
            if (dash && indent <= bestIndent) {
                best = lineStart;
                bestIndent = indent;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, best, bytes.length - best)).toString();
            return Optional.of(new LastEntry(windowStart + best, " ".repeat(bestIndent), text));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The window may start inside a line; that partial line is skipped unless the window is the whole file. */
    private int firstLineStart() {
        return windowStart == 0 ? 0 : nextLine(0);
    }

    private int nextLine(int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }
}
