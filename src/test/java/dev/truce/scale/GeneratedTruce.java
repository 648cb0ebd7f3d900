package dev.truce.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes large, valid obligations.yaml and evidence.yaml files for tests at scale, the way
 * scripts/bench does for the benchmark. Obligation {@code i} depends only on the seed and
 * {@code i}, never on which other obligations share its file, so a file of obligations 1..N
 * is exactly the union of files of its blocks (dependencies stay inside a block of
 * {@link #BLOCK} so that each block is valid on its own).
 */
final class GeneratedTruce {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** The day the data is "now": due dates run from here to a year later. */
    static final LocalDate START = LocalDate.of(2026, 11, 26);
    static final int BLOCK = 1000;

    private static final List<String> PARTIES = List.of("US", "CN", "joint");
    private static final List<String> KINDS = List.of("paused-tariff", "suspended-countermeasure", "export-control",
            "purchase", "other");
    private static final List<String> SHORT = List.of("tariff", "countermeasure", "control", "purchase", "other");
    private static final List<String> STANCES = List.of("complies", "breaches", "partial", "unclear");
    private static final List<String> BASES = List.of("act", "data", "statement", "report");
    private static final List<String> CLAIMANTS = List.of("US", "CN", "EU Chamber", "desk");
    private static final List<String> HTS = List.of("8505.11.50", "8505.11.70", "2805.30", "2846.90", "9903.01.63");

    private final long seed;

    GeneratedTruce(long seed) {
        this.seed = seed;
    }

    /** The id of obligation {@code i} (1-based). */
    String id(int i) {
        Random random = random(i);
        return PARTIES.get(random.nextInt(3)).toLowerCase(Locale.ROOT) + "-"
                + SHORT.get(random.nextInt(5)) + "-" + String.format(Locale.ROOT, "%06d", i);
    }

    /** obligations.yaml holding obligations {@code from} to {@code to}, inclusive. */
    String obligations(int from, int to) {
        StringBuilder yaml = new StringBuilder(to - from + 1 > 0 ? (to - from + 1) * 260 + 1000 : 1000);
        yaml.append("# Generated for a test at scale (seed ").append(seed).append(")\n")
                .append("version: 1\n")
                .append("truce:\n")
                .append("  id: generated-truce\n")
                .append("  title: \"Generated truce\"\n")
                .append("  parties: [US, CN]\n")
                .append("  effective: ").append(day(-60)).append('\n')
                .append("  timezone: ").append(ZONE.getId()).append('\n')
                .append("  days: 300\n")
                .append("  extensions:\n")
                .append("    - decided: ").append(day(-30)).append('\n')
                .append("      until: ").append(day(340)).append('\n')
                .append("      source: Generated order\n")
                .append("alerts:\n")
                .append("  thresholds: [30, 14, 7, 3, 1, 0]\n")
                .append("  recipients: [desk@example.com]\n")
                .append("obligations:\n");
        for (int i = from; i <= to; i++) {
            obligation(yaml, i);
        }
        return yaml.toString();
    }

    private void obligation(StringBuilder yaml, int i) {
        Random random = random(i);
        int party = random.nextInt(3);
        int kind = random.nextInt(5);
        yaml.append("  - id: ").append(id(i)).append('\n');
        yaml.append("    title: \"").append(random.nextInt(10) == 0 ? "US–China: " : "").append("Suspend measure ")
                .append(i).append(", batch ").append(random.nextInt(500)).append("\"\n");
        yaml.append("    party: ").append(PARTIES.get(party)).append('\n');
        yaml.append("    kind: ").append(KINDS.get(kind)).append('\n');
        int dueDay = random.nextInt(365);
        int shape = random.nextInt(100);
        if (shape < 5) {
            yaml.append("    due: none\n");
        } else if (shape < 10) {
            yaml.append("    due: truce-end\n");
        } else if (shape < 30) {
            ZonedDateTime at = ZonedDateTime.of(START.plusDays(dueDay), LocalTime.of(0, 1), ZONE);
            yaml.append("    due: ").append(at.toOffsetDateTime()).append('\n');
        } else if (shape < 38) {
            yaml.append("    due: ").append(day(dueDay - 1 - random.nextInt(30))).append('\n')
                    .append("    extensions:\n")
                    .append("      - decided: ").append(day(-20)).append('\n')
                    .append("        until: ").append(day(dueDay)).append('\n')
                    .append("        source: Extension notice ").append(i).append('\n');
        } else {
            yaml.append("    due: ").append(day(dueDay)).append('\n');
        }
        if (random.nextBoolean()) {
            yaml.append("    hts: [\"").append(HTS.get(random.nextInt(HTS.size()))).append("\"]\n");
        }
        yaml.append("    sources: [Generated instrument ").append(random.nextInt(500)).append("]\n");
        int blockStart = (i - 1) / BLOCK * BLOCK + 1;
        if (i > blockStart && random.nextInt(10) == 0) {
            yaml.append("    depends_on: [").append(id(blockStart + random.nextInt(i - blockStart))).append("]\n");
        }
        if (random.nextInt(4) == 0) {
            yaml.append("    note: >-\n      Generated note for obligation ").append(i)
                    .append(", long enough to wrap\n      onto a second line.\n");
        }
    }

    /** evidence.yaml with {@code perObligation} entries for each of obligations {@code from} to {@code to}. */
    String evidence(int from, int to, int perObligation) {
        StringBuilder yaml = new StringBuilder((to - from + 1) * perObligation * 150 + 100);
        yaml.append("# Generated evidence (seed ").append(seed).append(")\n");
        for (int round = 0; round < perObligation; round++) {
            for (int i = from; i <= to; i++) {
                Random random = new Random(seed * 31 + i * 1_000L + round);
                String claimant = CLAIMANTS.get(random.nextInt(CLAIMANTS.size()));
                yaml.append("- obligation: ").append(id(i)).append('\n')
                        .append("  date: ").append(day(-366 + round * 36 + random.nextInt(36))).append('\n')
                        .append("  stance: ").append(STANCES.get(random.nextInt(4))).append('\n')
                        .append("  claimant: ").append(claimant).append('\n')
                        .append("  basis: ").append(BASES.get(random.nextInt(4))).append('\n')
                        .append("  source: ").append(claimant).append(" notice ").append(random.nextInt(9999)).append('\n');
            }
        }
        return yaml.toString();
    }

    /** Writes obligations {@code from}..{@code to} and their evidence into {@code dir}; returns obligations.yaml. */
    Path write(Path dir, int from, int to, int evidencePerObligation) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("evidence.yaml"), evidence(from, to, evidencePerObligation), StandardCharsets.UTF_8);
            Path file = dir.resolve("obligations.yaml");
            Files.writeString(file, obligations(from, to), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Random random(int i) {
        return new Random(seed * 1_000_003L + i);
    }

    private static String day(int offset) {
        return START.plusDays(offset).toString();
    }
}
