package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The diff a person reads before (and after) truce edits their file. */
class UnifiedDiffTest {
    private static final String BEFORE = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";

    @Test
    void insertedLinesWithThreeLinesOfContext() {
        String after = "a\nb\nc\nd\ne\nnew 1\nnew 2\nf\ng\nh\ni\nj\n";
        assertEquals("""
                --- a/obligations.yaml
                +++ b/obligations.yaml
                @@ -3,6 +3,8 @@
                 c
                 d
                 e
                +new 1
                +new 2
                 f
                 g
                 h
                """, UnifiedDiff.of("obligations.yaml", BEFORE, after));
    }

    @Test
    void insertionsFarApartAreTwoHunksAndCrlfShowsNoCarriageReturn() {
        String before = BEFORE.replace("\n", "\r\n");
        String after = "\uFEFF" + "+0\r\n" + before + "+z\r\n";
        assertEquals("""
                --- a/demo/obligations.yaml
                +++ b/demo/obligations.yaml
                @@ -1,3 +1,4 @@
                ++0
                 a
                 b
                 c
                @@ -8,3 +9,4 @@
                 h
                 i
                 j
                ++z
                """, UnifiedDiff.of("demo/obligations.yaml", "\uFEFF" + before, after));
    }

    @Test
    void noChangeIsNoDiff() {
        assertEquals("", UnifiedDiff.of("obligations.yaml", BEFORE, BEFORE));
    }
}
