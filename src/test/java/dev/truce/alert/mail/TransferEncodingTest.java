package dev.truce.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A digest part says its transfer encoding up front, the one Jakarta Mail would have chosen itself after
 * scanning the part: the message sent is the same, byte for byte, without the scan.
 */
class TransferEncodingTest {
    @Test
    void theEncodingJakartaMailChooses() throws MessagingException {
        List<String> texts = List.of("", "plain text\r\nand lines\n", "a\ttab", "x".repeat(998) + "\ny",
                "x".repeat(999), "x".repeat(998) + "\r" + "x".repeat(998), "商务部 稀土", "bell \u0007",
                "delete \u007f", "no-break\u00a0space", "form\ffeed", "é", "US\u2013China \u00b7 " + "x".repeat(400),
                "\ud83d\ude42\ud83d\ude42 a", "lone \ud83d surrogate", "中文中文 ab", "中 abcdefgh");
        for (String text : texts) {
            assertEquals(jakartaChooses(text), DigestMessage.transferEncoding(text), "for " + text.length() + " chars");
        }
    }

    @Test
    void randomTextAgrees() throws MessagingException {
        Random random = new Random(20_261_208L);
        char[] alphabet = {'a', ' ', '\t', '\r', '\n', '<', '&', '\u0001', '\u007f', '\u00e9', '\u4e2d', '\ud83d',
            '\ude42', '\u2013', '\u00b7'};
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(2_000);
            for (int i = 0; i < length; i++) {
                int specials = trial % 3 == 0 ? 7 : alphabet.length; // a third of the trials ASCII alone
                int share = trial % 3 == 2 ? 2 : 20; // a third mostly not ASCII
                text.append(random.nextInt(share) == 0 ? alphabet[random.nextInt(specials)] : 'a');
            }
            assertEquals(jakartaChooses(text.toString()), DigestMessage.transferEncoding(text.toString()), "trial " + trial);
        }
    }

    private static String jakartaChooses(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", "plain");
        return MimeUtility.getEncoding(part.getDataHandler());
    }
}
