package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version held in memory (a commit's, a snapshot's) is read exactly as the file on disk: one definition of
 * the data shape, the same entries, the same problems at the same lines and columns, recovery included.
 */
class VersionInMemoryTest {
    @TempDir
    Path dir;

    @Test
    void evidenceInMemoryReadsAsTheFileDoes() throws IOException {
        String text = """
                - obligation: cn-rare-earth-licensing
                  date: 2025-06-05
                  stance: breaches
                  claimant: EU Chamber
                  basis: data
                  source: Survey
                - obligation: us-reciprocal-suspension
                  date: 2025-06-06
                  stance: "complies
                  claimant: MOFCOM
                - obligation: cn-uel-suspension
                  date: 2025-06-07
                  stance: maybe
                  claimant: MOFCOM
                  basis: statement
                  source: Notice
                - obligation: cn-uel-suspension
                  date: 2025-06-08
                  stance: complies
                  claimant: MOFCOM
                  basis: act
                  source: Notice 2""";
        Path file = dir.resolve("evidence.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        EvidenceBinding binding = new EvidenceBinding("evidence.yaml", EvidenceFileReaderTest.IDS, "obligations.yaml");
        List<Evidence> fromFile = new ArrayList<>();
        List<Evidence> fromMemory = new ArrayList<>();
        EntryFileReader.Read onDisk = new EntryFileReader().read(file, binding, fromFile::add);
        EntryFileReader.Read inMemory = new EntryFileReader().read(text.getBytes(StandardCharsets.UTF_8),
                new EvidenceBinding("evidence.yaml", EvidenceFileReaderTest.IDS, "obligations.yaml"), fromMemory::add);
        assertEquals(2, fromFile.size(), onDisk.lines("evidence.yaml", true)::toString);
        assertEquals(fromFile, fromMemory);
        assertEquals(onDisk.lines("evidence.yaml", true), inMemory.lines("evidence.yaml", true));
        assertEquals(onDisk, inMemory);
    }

    @Test
    void obligationsInMemoryReadAsTheFileDoes() throws IOException {
        String text = """
                version: 1
                truce:
                  id: t-1
                  title: Test truce
                  parties: [US, CN]
                  effective: 2026-01-01
                  timezone: America/New_York
                  days: 90
                evidence_file: desk/evidence.yaml
                obligations:
                  - id: us-tariff
                    title: Suspend the tariff
                    party: US
                    kind: paused-tariff
                    due: 2026-06-30
                """;
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ObligationsFileReader reader = new ObligationsFileReader();
        TruceFile onDisk = reader.read(file, "obligations.yaml");
        TruceFile inMemory = reader.read(text.getBytes(StandardCharsets.UTF_8), file, "obligations.yaml@abc1234");
        assertEquals(onDisk.register(), inMemory.register());
        assertEquals(onDisk.settings(), inMemory.settings());
        assertEquals(onDisk.evidenceFile(), inMemory.evidenceFile(), "relative settings resolve against the path given");

        byte[] broken = text.replace("days: 90", "days: ninety").getBytes(StandardCharsets.UTF_8);
        InvalidYaml e = assertThrows(InvalidYaml.class,
                () -> reader.read(broken, file, "obligations.yaml@abc1234"));
        assertEquals(List.of("obligations.yaml@abc1234:8:9: truce.days: 'ninety' is not a whole number (expected the "
                + "number of days the truce runs, at least 1)"), e.lines());
    }
}
