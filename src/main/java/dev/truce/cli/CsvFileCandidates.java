package dev.truce.cli;

import java.util.Iterator;
import java.util.List;

/** Completion for a product list: only *.csv files (and folders, to get to them), replaced in the script. */
final class CsvFileCandidates implements Iterable<String> {
    static final String PLACEHOLDER = "__truce_csv_files__";

    @Override
    public Iterator<String> iterator() {
        return List.of(PLACEHOLDER).iterator();
    }
}
