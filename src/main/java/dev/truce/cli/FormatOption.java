package dev.truce.cli;

import dev.truce.output.listing.OutputFormat;

import picocli.CommandLine.Option;

/** --format for listings. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    public OutputFormat format() {
        return format;
    }
}
