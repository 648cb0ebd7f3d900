package dev.truce.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for mistyped keys and ids. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate, if it is close enough to be what was meant. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        int limit = Math.max(1, typed.length() / 3);
        return candidates.stream()
                .map(c -> new Scored(c, distance(typed.toLowerCase(), c.toLowerCase())))
                .filter(s -> s.distance <= limit || s.candidate.startsWith(typed) && typed.length() >= 3)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** "; did you mean 'x'?" or nothing. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    private record Scored(String candidate, int distance) {
    }

    /** Levenshtein distance with transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
