package dev.truce.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The files the end-to-end tests run on: the shipped ones, and a hostile one. */
public final class TestFiles {
    /** A title a browser, a calendar client and a terminal must all show as plain text. */
    public static final String MARKUP_TITLE = "Tariff <script>alert(\"x\")</script> & <b>bold</b>\nsecond line";
    public static final int HOSTILE_COUNT = 1000;

    private TestFiles() {
    }

    /** Copies the shipped obligations.yaml and evidence.yaml into {@code dir}. */
    public static Path copyShipped(Path dir) {
        try {
            for (String name : new String[] {"obligations.yaml", "evidence.yaml"}) {
                Files.copy(Path.of(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return dir.resolve("obligations.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A note a page must show as text. */
    public static final String MARKUP_NOTE = "Says <script>alert('n')</script> & \"quotes\"\nnext line";

    /**
     * Claims on every fifth obligation, with markup in every text and a link with a query string:
     * on o-0010, o-0020, ... a claimant says complies and another breaches within days (disputed);
     * on o-0005, o-0015, ... a statement of compliance is followed by data showing a breach (breached).
     */
    private static String hostileEvidence() {
        StringBuilder yaml = new StringBuilder();
        String[][] disputed = {
            {"2026-04-10", "complies", "US", "act"},
            {"2026-04-15", "breaches", "EU <Chamber> & co", "data"},
            {"2026-05-02T01:30-04:00", "partial", "desk", "report"},
        };
        String[][] breached = {
            {"2026-03-10", "complies", "CN & <HK>", "statement"},
            {"2026-04-15", "breaches", "EU <Chamber> & co", "data"},
        };
        for (int i = 5; i <= HOSTILE_COUNT; i += 5) {
            String id = String.format("o-%04d", i) + (i % 97 == 0 ? "-" + "x".repeat(80) : "");
            for (String[] claim : i % 10 == 0 ? disputed : breached) {
                yaml.append("- obligation: ").append(id).append('\n')
                        .append("  date: ").append(claim[0]).append('\n')
                        .append("  stance: ").append(claim[1]).append('\n')
                        .append("  claimant: \"").append(claim[2]).append("\"\n")
                        .append("  basis: ").append(claim[3]).append('\n')
                        .append("  source: \"Gazette </li><li>injected & <b>bold</b> #").append(i).append("\"\n")
                        .append("  url: \"https://example.com/notice?id=").append(i).append("&lang=en#part\"\n")
                        .append("  note: \"").append(MARKUP_NOTE.replace("\"", "\\\"").replace("\n", "\\n")).append("\"\n");
            }
        }
        return yaml.toString();
    }

    /**
     * 1,000 obligations with odd characters in every free-text field, very long titles, markup, line
     * breaks, separators that mean something to CSV, iCalendar, roff and monitoring output, every
     * kind of due, and extension chains. Valid: the loader must accept it.
     */
    public static Path writeHostile(Path dir) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("""
                version: 1
                truce:
                  id: odd-truce
                  title: "Trêve <i>tarifaire</i> \\"quoted\\" ; a,b | c \\\\ d 关税 🚢"
                  parties: ["US", "CN & <HK>"]
                  effective: 2026-03-08T01:30-05:00
                  timezone: America/New_York
                  days: 240
                  extensions:
                    - decided: 2026-10-30
                      until: 2027-03-14T02:30-04:00
                      source: "EO <99999> ; \\"extension\\""
                alerts:
                  thresholds: [30, 7, 0]
                obligations:
                """);
        String longTitle = "Very long title ".repeat(200).trim();
        for (int i = 1; i <= HOSTILE_COUNT; i++) {
            String id = String.format("o-%04d", i) + (i % 97 == 0 ? "-" + "x".repeat(80) : "");
            String title = switch (i % 7) {
                case 0 -> MARKUP_TITLE;
                case 1 -> longTitle + " #" + i;
                case 2 -> "Zölle – 关税 – رسوم – 🚢 #" + i;
                case 3 -> "semi; colon, comma | pipe \\\\ backslash :colon #" + i;
                case 4 -> ".TH leading dot\\n'quote line #" + i;
                case 5 -> "javascript:alert(1) #" + i;
                default -> "Plain title " + i;
            };
            yaml.append("  - id: ").append(id).append('\n');
            yaml.append("    title: \"").append(title.replace("\"", "\\\"").replace("\n", "\\n"))
                    .append("\"\n");
            yaml.append("    party: ").append(i % 3 == 0 ? "\"CN & <HK>\"" : i % 3 == 1 ? "US" : "joint").append('\n');
            yaml.append("    kind: ").append(new String[] {"paused-tariff", "suspended-countermeasure", "export-control",
                "purchase", "other"}[i % 5]).append('\n');
            switch (i % 6) {
                case 0 -> yaml.append("    due: none\n");
                case 1 -> yaml.append("    due: truce-end\n");
                case 2 -> yaml.append("    due: 2026-").append(String.format("%02d-%02d", 4 + i % 9, 1 + i % 28)).append('\n');
                case 3 -> yaml.append("    due: 2026-11-01T01:30-04:00\n"); // the repeated hour at the end of US DST
                case 4 -> yaml.append("    due: 2026-06-30\n")
                        .append("    extensions:\n")
                        .append("      - until: 2026-12-31T23:59+08:00\n")
                        .append("        source: \"Notice <a href=x>1</a>\"\n")
                        .append("      - decided: 2027-01-02\n")
                        .append("        until: 2027-06-30\n")
                        .append("        source: \"Notice & 2\"\n");
                default -> yaml.append("    effective: 2027-01-01\n    due: 2027-12-31\n");
            }
            yaml.append("    sources: [\"Gazette <No. ").append(i).append("> & co\", \"https://example.com/?a=1&b=<2>\"]\n");
            if (i % 11 == 0) {
                yaml.append("    note: \"line one\\nline two <em>x</em>\"\n");
            }
        }
        try {
            Path file = dir.resolve("obligations.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("evidence.yaml"), hostileEvidence(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
