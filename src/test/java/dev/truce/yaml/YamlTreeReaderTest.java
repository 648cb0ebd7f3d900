package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a hostile file could use against the reader: depth, one huge value, and how a huge value is read. */
class YamlTreeReaderTest {
    private final List<Problem> problems = new ArrayList<>();

    private YamlTreeReader reader() {
        return new YamlTreeReader("obligations.yaml", Long.MAX_VALUE, problems);
    }

    @Test
    void tenThousandLevelsOfNestingAreOneProblemAtTheirPlace() {
        String deep = "version: 1\nnote: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        reader().read(deep);
        assertEquals(List.of("obligations.yaml:2:" + (7 + YamlTreeReader.MAX_DEPTH) + ": nested more than "
                + YamlTreeReader.MAX_DEPTH + " levels deep; a truce file never needs that (the rest of the file was not read)"),
                problems.stream().map(Problem::render).toList());
    }

    @Test
    void aValueAtTheCapIsReadAndOneOverItIsRefusedAtItsPlace() {
        String atCap = "x".repeat(YamlTreeReader.MAX_SCALAR_CHARS);
        YamlNode node = reader().read("note: " + atCap + "\n");
        assertEquals(List.of(), problems);
        assertEquals(atCap, ((YamlNode.Scalar) ((YamlNode.Mapping) node).values().get("note")).text());

        reader().read("a: 1\nnote: \"" + atCap + "y\"\n");
        assertEquals(List.of("obligations.yaml:2:7: a value of " + (YamlTreeReader.MAX_SCALAR_CHARS + 1)
                + " characters, more than " + YamlTreeReader.MAX_SCALAR_CHARS + " (is a closing quote missing?)"),
                problems.stream().map(Problem::render).toList());
    }

    /**
     * The work of reading one long value without a space: SnakeYAML copies what it has not consumed on every
     * read, so the number of reads bounds the copying. 4 MB in 1,024-character reads was 4,096 copies of up to
     * 4 MB each (137 s); now the parser is handed a megabyte at a time, in full.
     */
    @Test
    void aLongValueIsHandedToTheParserInFewLargeReads() {
        int size = 4 * 1024 * 1024;
        String text = "note: " + "x".repeat(size) + "\n";
        CountingReader counting = new CountingReader(new StringReader(text));
        assertNotNull(reader().read(counting, text.length()));
        assertEquals(size / YamlTreeReader.MAX_BUFFER + 1, counting.reads - counting.ends);
        assertTrue(counting.smallest >= YamlTreeReader.MAX_BUFFER, "a read of " + counting.smallest + " characters");
    }

    @Test
    void aSmallFileIsReadInOneGo() {
        String text = "version: 1\ntruce: {id: t-1}\n";
        CountingReader counting = new CountingReader(new StringReader(text));
        reader().read(counting, text.length());
        assertEquals(List.of(), problems);
        assertEquals(1, counting.reads - counting.ends);
    }

    /** Counts the reads that SnakeYAML's reader makes of truce's, and the fewest characters any of them asked for. */
    private static final class CountingReader extends Reader {
        private final Reader in;
        int reads;
        int ends;
        int smallest = Integer.MAX_VALUE;

        CountingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            reads++;
            if (read < 0) {
                ends++;
            } else {
                smallest = Math.min(smallest, length);
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
