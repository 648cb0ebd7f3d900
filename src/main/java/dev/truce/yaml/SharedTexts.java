package dev.truce.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each repeated text a reader meets: a log of a million entries says "CN" a million times, and
 * 100,000 obligations write the key "title" 100,000 times. Up to {@code limit} distinct texts of at most
 * {@code longest} characters are kept, so that memory never grows with texts that do not repeat (notes, titles).
 */
final class SharedTexts {
    private final Map<String, String> known = new HashMap<>();
    private final int limit;
    private final int longest;

    SharedTexts(int limit, int longest) {
        this.limit = limit;
        this.longest = longest;
    }

    /** The instance of {@code text} met first, or {@code text} itself. */
    String of(String text) {
        String first = known.get(text);
        if (first != null) {
            return first;
        }
        if (known.size() < limit && text.length() <= longest) {
            known.put(text, text);
        }
        return text;
    }
}
