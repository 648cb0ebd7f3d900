package dev.truce.domain.exposure;

import dev.truce.domain.Obligation;
import dev.truce.domain.Products;
import java.util.Arrays;
import java.util.List;

/**
 * Which obligations cover a product, found by walking the product code's digits down a trie of the
 * obligations' {@code covers} prefixes: each node holds the obligations whose prefix ends there, the root
 * those that cover {@code all}. A lookup costs the code's length (at most ten steps) plus the matches,
 * whatever the number of obligations: a product list is never compared with every obligation.
 */
public final class CoverIndex {
    private final Node root = new Node();

    private static final class Node {
        private Node[] next;
        private int[] obligations = new int[0];

        Node child(int digit, boolean create) {
            if (next == null) {
                if (!create) {
                    return null;
                }
                next = new Node[10];
            }
            if (next[digit] == null && create) {
                next[digit] = new Node();
            }
            return next[digit];
        }

        void add(int obligation) {
            if (obligations.length > 0 && obligations[obligations.length - 1] == obligation) {
                return; // 8505 and 8505.11 on one obligation end at different nodes; this catches "8505, 85.05"
            }
            obligations = Arrays.copyOf(obligations, obligations.length + 1);
            obligations[obligations.length - 1] = obligation;
        }
    }

    private CoverIndex() {
    }

    /** The index of every obligation with {@code covers}; a match is the obligation's position in the list. */
    public static CoverIndex of(List<Obligation> obligations) {
        CoverIndex index = new CoverIndex();
        for (int i = 0; i < obligations.size(); i++) {
            for (String prefix : obligations.get(i).covers()) {
                index.add(prefix, i);
            }
        }
        return index;
    }

    private void add(String prefix, int obligation) {
        Node node = root;
        if (!prefix.equals(Products.ALL)) {
            String digits = Products.digits(prefix);
            for (int i = 0; i < digits.length(); i++) {
                node = node.child(digits.charAt(i) - '0', true);
            }
        }
        node.add(obligation);
    }

    /**
     * The positions of the obligations that cover the code (a prefix of its digits, or all), in file
     * order, each once.
     */
    public int[] covering(String code) {
        String digits = Products.digits(code);
        int[] found = root.obligations.clone();
        int count = found.length;
        Node node = root;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9' || (node = node.child(c - '0', false)) == null) {
                break;
            }
            if (node.obligations.length > 0) {
                if (count + node.obligations.length > found.length) {
                    found = Arrays.copyOf(found, Math.max(found.length * 2, count + node.obligations.length));
                }
                System.arraycopy(node.obligations, 0, found, count, node.obligations.length);
                count += node.obligations.length;
            }
        }
        return distinctSorted(found, count);
    }

    private static int[] distinctSorted(int[] values, int count) {
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[kept++] = sorted[i];
            }
        }
        return kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
    }
}
