package dev.truce.domain;

import java.util.List;

/** HTS/HS codes as a desk writes them: dots do not matter, and a shorter code covers every longer one under it. */
public final class Products {
    /** covers: [all] means every product. */
    public static final String ALL = "all";

    private Products() {
    }

    /** The digits of a code: "8505.11.0070" is 8505110070. */
    public static String digits(String code) {
        return code.replace(".", "").strip();
    }

    /** Whether the prefix covers the code: 8505.11 covers 8505.11.0070; all covers everything. */
    public static boolean covers(String prefix, String code) {
        return prefix.equals(ALL) || digits(code).startsWith(digits(prefix));
    }

    /** A covers list and a code related in either direction (for filtering by product). */
    public static boolean related(List<String> covers, String code) {
        String digits = digits(code);
        return covers.stream().anyMatch(c -> c.equals(ALL) || digits.startsWith(digits(c)) || digits(c).startsWith(digits));
    }
}
