package dev.truce.output.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcsLinesTest {
    @Test
    void foldsByOctetsWithoutSplittingACharacter() {
        String value = "SUMMARY:" + "关税🚢é".repeat(40);
        String folded = IcsLines.refold("BEGIN:VEVENT\r\n" + value + "\r\nEND:VEVENT\r\n");
        for (String line : folded.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            assertTrue(!line.isEmpty() && !Character.isLowSurrogate(line.charAt(line.startsWith(" ") ? 1 : 0)), line);
        }
        assertEquals("BEGIN:VEVENT\r\n" + value + "\r\nEND:VEVENT\r\n", folded.replace("\r\n ", ""), "unfolds to the same text");
    }

    @Test
    void unfoldsWhatIcal4jFoldedBeforeFoldingAgain() {
        assertEquals("DESCRIPTION:abc def\r\n", IcsLines.refold("DESCRIPTION:abc\r\n  def\r\n"));
        String ascii = "DESCRIPTION:" + "x".repeat(100);
        assertEquals(ascii.substring(0, 75) + "\r\n " + ascii.substring(75) + "\r\n", IcsLines.refold(ascii + "\r\n"));
    }
}
