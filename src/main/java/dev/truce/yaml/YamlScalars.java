package dev.truce.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How truce writes a text value into a file a person keeps: plain when YAML reads it back as exactly the
 * same text, else double-quoted with escapes, always on one line (never folded: a folded scalar's value
 * depends on the indentation around it). Evidence entries and edits of obligations.yaml share these rules.
 */
public final class YamlScalars {
    private static final Pattern PLAIN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}\\p{N} .,;:()/'_+&%?=#@!*~\\p{Pd}\\p{Pi}\\p{Pf}]*");
    /** Words a YAML reader may take for null, a boolean or a number rather than text. */
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n",
            "nan", "inf", "infinity");

    private YamlScalars() {
    }

    /** For a value in block context (after {@code key: }): plain when that is safe to read back, else double-quoted. */
    public static String text(String value) {
        return plainInBlock(value) ? value : quoted(value);
    }

    /** For a value inside {@code [...]} or {@code {...}}, where a comma ends a plain value. */
    public static String flowText(String value) {
        return plainInBlock(value) && value.indexOf(',') < 0 ? value : quoted(value);
    }

    private static boolean plainInBlock(String value) {
        return PLAIN.matcher(value).matches()
                && !value.endsWith(" ") && !value.endsWith(":")
                && !value.contains(": ") && !value.contains(" #")
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT));
    }

    /** A YAML double-quoted scalar on one line: line breaks, quotes, controls and odd spaces escaped. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Not printable in YAML, a line or byte-order mark some readers treat specially, or a bidirectional control,
     * which would reorder the file's text in an editor or a `git diff` (Trojan Source): escaped, it reads back the same.
     */
    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                || c == 0xFFFE || c == 0xFFFF || dev.truce.domain.Phrases.isBidiControl(c);
    }
}
