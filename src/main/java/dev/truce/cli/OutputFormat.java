package dev.truce.cli;

/** How listings are printed. */
public enum OutputFormat {
    table, json, csv, markdown
}
