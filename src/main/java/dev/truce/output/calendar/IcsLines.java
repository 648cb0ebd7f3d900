package dev.truce.output.calendar;

/**
 * Folds iCalendar content lines at 75 octets, as RFC 5545 (3.1) asks. ical4j folds at 75
 * characters, so a line of Chinese or emoji text can run to 300 octets; this unfolds its output
 * and folds it again by UTF-8 length, never inside a character.
 */
final class IcsLines {
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsLines() {
    }

    static String refold(String folded) {
        String unfolded = folded.replace(CRLF + " ", "").replace(CRLF + "\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 30);
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf(CRLF, start);
            if (end < 0) {
                end = unfolded.length();
            }
            fold(unfolded, start, end, out);
            out.append(CRLF);
            start = end + CRLF.length();
        }
        return out.toString();
    }

    /** The first chunk may hold 75 octets; each continuation holds 74 after its leading space. */
    private static void fold(String text, int start, int end, StringBuilder out) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
