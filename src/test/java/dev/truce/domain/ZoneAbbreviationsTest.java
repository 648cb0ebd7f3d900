package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "00:01 EST", on every Java truce runs on. Zone abbreviations come from the locale's names: Locale.ROOT has none of
 * its own in the CLDR data, and Java 17 to 22 filled them in from the old JRE names, which Java 23 removed; there
 * "00:01 EST" became "00:01 GMT-05:00". English names are the same on both (scripts/truce may start a Java 25).
 */
class ZoneAbbreviationsTest {
    private static final Pattern ZONE_NAME_IN_ROOT = Pattern.compile(
            "ofPattern\\(\"[^\"]*\\bz+\\b[^\"]*\",\\s*(java\\.util\\.)?Locale\\.ROOT\\)");

    @Test
    void aMomentIsShownWithTheZonesAbbreviation() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertEquals("2026-11-10 00:01 EST", Moment.parse("2026-11-10T00:01-05:00").display(newYork));
        assertEquals("2026-07-24 00:01 EDT", Moment.parse("2026-07-24T00:01-04:00").display(newYork));
        assertEquals("2026-11-10 13:01 CST", Moment.parse("2026-11-10T13:01+08:00").display(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void noFormatterNamesAZoneInTheRootLocale() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> found = sources.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    String text = Files.readString(p).replaceAll("\\s+", " ");
                    return ZONE_NAME_IN_ROOT.matcher(text).results().map(m -> p + ": " + m.group());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), found, "use Locale.ENGLISH for zone names");
        }
    }
}
