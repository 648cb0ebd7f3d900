package dev.truce.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void theFootnoteOfOfficeFurniture9403_10_00EndsInNoBreakSpaces() {
        assertEquals("See 9903.88.03.", Spaces.collapse("See 9903.88.03.\u00a0 \u00a0 \u00a0 \u00a0 \u00a0\u00a0 "));
    }

    @Test
    void runsLineBreaksAndEndsAreOneSpaceOrNone() {
        assertEquals("a b c", Spaces.collapse("  a \n\tb  c\n"));
        assertEquals("", Spaces.collapse(" \u00a0 "));
    }

    @Test
    void aTextThatNeedsNoChangeIsReturnedAsIs() {
        String text = "The duty provided in the applicable subheading + 25%";
        assertSame(text, Spaces.collapse(text));
    }
}
