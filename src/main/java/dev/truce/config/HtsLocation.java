package dev.truce.config;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the US tariff schedule of a truce file is (hts_file), checked as evidence_file is before anything is read
 * from it: a file anyone on the desk may edit must not make truce read another file and quote it back. It must
 * lead, links followed, to an existing .json or .json.gz file inside the folder of obligations.yaml or inside a
 * folder the operator allows with $TRUCE_EVIDENCE_DIRS, and never to the file the SMTP password is read from.
 *
 * @param path  the export, links followed
 * @param label how to name it in messages, relative to how the user named obligations.yaml
 * @param where the key in messages: FILE:LINE:COL: hts_file
 */
public record HtsLocation(Path path, String label, String where) {

    /** The schedule of {@code file}, or empty when hts_file is not set; a bad-input error pointing at hts_file. */
    public static Optional<HtsLocation> of(TruceFile file, List<Path> allowed) {
        Settings settings = file.settings();
        if (settings.htsFile() == null) {
            return Optional.empty();
        }
        Path export = file.directory().resolve(settings.htsFile()).normalize();
        String label = label(file, settings.htsFile());
        String where = (settings.htsFileAt() == null ? file.label() : settings.htsFileAt().in(file.label()))
                + ": hts_file";
        Path real;
        try {
            real = export.toRealPath();
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(where + ": " + label + " does not exist (truce hts import FILE puts an "
                    + "export there and sets hts_file)");
        } catch (FileSystemException e) {
            throw TruceException.badInput(where + ": " + label + " cannot be reached (" + e.getReason() + ")");
        } catch (IOException e) {
            throw TruceException.failure(where + ": cannot resolve " + label + ": " + e.getMessage(), e);
        }
        if (!LogLocation.inside(real, file.directory(), allowed)) {
            throw TruceException.badInput(where + ": " + label + " leads outside the folder of " + file.label()
                    + " (to " + real + "); truce reads the schedule only from that folder or from one named in $"
                    + LogLocation.ALLOWED_DIRS_VARIABLE);
        }
        String name = real.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json") && !name.endsWith(".json.gz")) {
            throw TruceException.badInput(where + ": " + label + " leads to " + real.getFileName()
                    + ", not a .json or .json.gz file; truce reads only a USITC HTS export there");
        }
        Optional<Path> password = file.passwordFile().flatMap(LogLocation::realIfExists);
        if (password.isPresent() && LogLocation.sameFile(password.get(), real)) {
            throw TruceException.badInput(where + ": " + label + " is the file the SMTP password is read from "
                    + "(alerts.smtp.password_file); name the HTS export instead");
        }
        if (!Files.isRegularFile(real)) {
            throw TruceException.badInput(where + ": " + label + " is not a regular file");
        }
        return Optional.of(new HtsLocation(real, label, where));
    }

    /** desk/rev10.json.gz when the user named desk/obligations.yaml and hts_file says rev10.json.gz: as typed. */
    private static String label(TruceFile file, String written) {
        Path labelDir = Path.of(file.label()).getParent();
        return labelDir == null || Path.of(written).isAbsolute() ? written : labelDir.resolve(written).toString();
    }
}
