package dev.truce.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small truce with covers and duties (the shipped file has none yet): as of 2025-09-01 the US reciprocal
 * suspension runs to 2025-11-10 (extended on 2025-08-11), a magnet exclusion to 2025-09-30, China's suspension
 * passed on 2025-08-12 with no outcome recorded, and China's rare-earth licensing covers magnets and compounds.
 */
final class ExposureFiles {
    static final String AS_OF = "2025-09-01";

    static final String OBLIGATIONS = """
            version: 1
            truce:
              id: t
              title: Test truce
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
              extensions:
                - decided: 2025-08-11
                  until: 2025-11-10T00:01-05:00
                  source: EO 14334
            obligations:
              - id: us-reciprocal
                title: Keep 24 points of the reciprocal duty suspended
                party: US
                kind: paused-tariff
                due: truce-end
                covers: [all]
                duty: {market: US, kept: 10, lapsed: 34}
              - id: us-magnet-exclusion
                title: Exclude magnets from the Section 301 duty
                party: US
                kind: paused-tariff
                due: 2025-09-30
                covers: ["8505.11"]
                duty: {market: US, kept: 0, lapsed: 25}
              - id: cn-reciprocal
                title: Keep 24 points of China's duty suspended
                party: CN
                kind: paused-tariff
                due: 2025-08-12T12:01+08:00
                covers: [all]
                duty: {market: CN, kept: 10, lapsed: 34}
              - id: cn-rare-earth-licensing
                title: Rare-earth export licences
                party: CN
                kind: export-control
                due: none
                covers: ["8505.11", "2846.90"]
              - id: joint-consultations
                title: Consult
                party: joint
                kind: other
                due: none
            """;

    static final String PRODUCTS = """
            hts,market,value,description
            8505.11.0070,US,2400000,"NdFeB magnets, sintered"
            9403.60,US,1800000,Wooden furniture
            1201.90,CN,12000000,Soybeans
            """;

    private ExposureFiles() {
    }

    static void write(Path dir, String products) {
        try {
            Files.writeString(dir.resolve("obligations.yaml"), OBLIGATIONS, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("products.csv"), products, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
