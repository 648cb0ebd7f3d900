package dev.truce.output.listing;

/** How listings are printed. */
public enum OutputFormat {
    table, json, csv, markdown
}
