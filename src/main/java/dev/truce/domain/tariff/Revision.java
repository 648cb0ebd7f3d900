package dev.truce.domain.tariff;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which revision of the schedule an export is. The export carries no name or date of its own, so the name
 * comes from the file's name as USITC and the archives spell it ({@code hts_2026_revision_10_json.json},
 * {@code hts_2026_rev_10.json.gz}, {@code hts_2025_basic_edition_json.json}); the SHA-256 of the file's bytes
 * tells two copies apart whatever they are called, and is what a cache of the parsed schedule keys on.
 *
 * @param name   "2026 Revision 10", "2025 Basic Edition", or the file name when it follows no known pattern
 * @param file   the file name it was read from
 * @param sha256 lower-case hex of the SHA-256 of the file's bytes as stored (compressed, for a .gz)
 */
public record Revision(String name, String file, String sha256) {
    private static final Pattern REVISION = Pattern.compile(
            "(?i).*?hts[-_ ]?([0-9]{4})[-_ ]?(?:rev(?:ision)?[-_ ]?([0-9]+)|(basic))(?:[^0-9].*)?");

    public Revision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The revision a file of that name holds, going by the name. */
    public static Revision ofFile(String fileName, String sha256) {
        return new Revision(nameOf(fileName), fileName, sha256);
    }

    static String nameOf(String fileName) {
        Matcher m = REVISION.matcher(fileName);
        if (!m.matches()) {
            return fileName;
        }
        return m.group(3) != null ? m.group(1) + " Basic Edition" : m.group(1) + " Revision " + Integer.parseInt(m.group(2));
    }
}
