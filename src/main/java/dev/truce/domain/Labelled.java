package dev.truce.domain;

/**
 * An enum whose values are written as lowercase labels: in the files, on the command line, in the
 * output and in the ledger. {@link Labels} turns labels back into values, with "did you mean".
 */
public interface Labelled {
    String label();
}
