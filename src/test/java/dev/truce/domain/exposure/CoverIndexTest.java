package dev.truce.domain.exposure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.domain.Obligation;
import dev.truce.domain.Products;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CoverIndexTest {
    private static Obligation covers(String... prefixes) {
        return Obligation.builder("o").covers(List.of(prefixes)).build();
    }

    @Test
    void findsEveryPrefixOfTheCodeAndAllInFileOrder() {
        CoverIndex index = CoverIndex.of(List.of(covers("8505.11"), covers("all"), covers("2846"), covers("8505"),
                covers("8505.11.0070"), covers("8505.11.00701"), covers()));
        assertArrayEquals(new int[] {0, 1, 3, 4}, index.covering("8505.11.0070"));
        assertArrayEquals(new int[] {0, 1, 3}, index.covering("8505110050"));
        assertArrayEquals(new int[] {1}, index.covering("85"));
        assertArrayEquals(new int[] {1, 2}, index.covering("2846.90"));
    }

    /** The trie agrees with the plain definition (Products.covers) on random codes and prefixes. */
    @Test
    void agreesWithComparingEveryPrefix() {
        Random random = new Random(7);
        List<Obligation> obligations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int count = 1 + random.nextInt(3);
            String[] prefixes = new String[count];
            for (int k = 0; k < count; k++) {
                prefixes[k] = random.nextInt(100) == 0 ? "all" : code(random, 2 + random.nextInt(5));
            }
            obligations.add(covers(prefixes));
        }
        CoverIndex index = CoverIndex.of(obligations);
        for (int n = 0; n < 2000; n++) {
            String code = code(random, 2 + random.nextInt(9));
            int[] expected = IntStream.range(0, obligations.size())
                    .filter(i -> obligations.get(i).covers().stream().anyMatch(p -> Products.covers(p, code))).toArray();
            assertArrayEquals(expected, index.covering(code), code);
        }
    }

    /** Digits from a small alphabet so that prefixes meet often. */
    private static String code(Random random, int digits) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(3)));
            if (i == 3 && random.nextBoolean()) {
                code.append('.');
            }
        }
        return code.toString().endsWith(".") ? code.substring(0, code.length() - 1) : code.toString();
    }

    @Test
    void codesAreTwoToTenDigitsWithOrWithoutDots() {
        for (String good : List.of("85", "8505", "8505.11", "8505.11.0070", "8505110070", "1201.90")) {
            assertEquals(java.util.Optional.empty(), Product.problemWithCode(good), good);
        }
        for (String bad : List.of("8", "8505.11.00701", "85a5", "8505..11", ".8505", "8505.", "", "all", "85 05", "８５０５")) {
            assertEquals(true, Product.problemWithCode(bad).isPresent(), bad);
        }
    }
}
