package dev.truce.config;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the evidence of a truce file is, checked before anything is read from it. evidence_file comes from a
 * file anyone on the desk may edit, so it alone must never make truce read (and quote back in a message, or
 * mail) another file: it must lead, links followed, to a .yaml or .yml file inside the folder of
 * obligations.yaml or inside a folder the operator allows with $TRUCE_EVIDENCE_DIRS, and never to the
 * file the SMTP password is read from.
 *
 * @param path   the evidence file (it may not exist yet: the first `evidence add` creates it)
 * @param label  how to name it in messages, relative to how the user named obligations.yaml
 * @param named  whether obligations.yaml names it (evidence_file) rather than the default evidence.yaml
 */
public record EvidenceLocation(Path path, String label, boolean named) {
    public static final String ALLOWED_DIRS_VARIABLE = "TRUCE_EVIDENCE_DIRS";

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The evidence file of {@code file}, or a bad-input error pointing at evidence_file. */
    public static EvidenceLocation of(TruceFile file, List<Path> allowed) {
        Path dir = file.directory();
        Path evidence = file.evidenceFile().normalize();
        String label = label(file, evidence);
        String where = file.settings().evidenceFileAt() == null ? file.label() + ": evidence_file"
                : file.settings().evidenceFileAt().in(file.label()) + ": evidence_file";
        Path real;
        try {
            if (Files.isSymbolicLink(evidence) && !Files.exists(evidence)) {
                evidence.toRealPath(); // a loop fails here with its own reason, reported below
                throw TruceException.badInput(where + ": " + label + " is a link to a file that does not exist");
            }
            real = Files.exists(evidence) ? evidence.toRealPath()
                    : realFolder(evidence.getParent()).resolve(evidence.getFileName());
        } catch (NoSuchFileException e) {
            throw TruceException.badInput(where + ": " + label + " is a link to a file that does not exist");
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).toLowerCase(Locale.ROOT).contains("symbolic links")) {
                throw TruceException.badInput(where + ": " + label + " is a link that loops back on itself");
            }
            throw TruceException.badInput(where + ": " + label + " cannot be reached (" + e.getReason() + ")");
        } catch (IOException e) {
            throw TruceException.failure(where + ": cannot resolve " + label + ": " + e.getMessage(), e);
        }
        if (!inside(real, dir, allowed)) {
            throw TruceException.badInput(where + ": " + label + " leads outside the folder of " + file.label()
                    + " (to " + real + "); truce reads evidence only from that folder or from one named in $"
                    + ALLOWED_DIRS_VARIABLE);
        }
        String name = real.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw TruceException.badInput(where + ": " + label + " leads to " + real.getFileName()
                    + ", not a .yaml or .yml file; truce reads evidence only from YAML files");
        }
        Optional<Path> password = file.passwordFile().flatMap(EvidenceLocation::realIfExists);
        if (password.isPresent() && sameFile(password.get(), real)) {
            throw TruceException.badInput(where + ": " + label + " is the file the SMTP password is read from "
                    + "(alerts.smtp.password_file); name the evidence file instead");
        }
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            throw TruceException.badInput(where + ": " + label + " is not a regular file");
        }
        return new EvidenceLocation(real, label, file.namesEvidenceFile());
    }

    /** The same path, or another name of the same file (a hard link). */
    static boolean sameFile(Path a, Path b) {
        try {
            return a.equals(b) || Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** $TRUCE_EVIDENCE_DIRS: folders separated as in PATH. */
    public static List<Path> allowed(String variable) {
        if (variable == null || variable.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(variable.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank())
                .map(Path::of).toList();
    }

    static boolean inside(Path real, Path dir, List<Path> allowed) {
        if (realIfExists(dir).map(real::startsWith).orElse(false)) {
            return true;
        }
        return allowed.stream().map(EvidenceLocation::realIfExists).flatMap(Optional::stream).anyMatch(real::startsWith);
    }

    static Optional<Path> realIfExists(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path realFolder(Path folder) throws IOException {
        return Files.exists(folder, LinkOption.NOFOLLOW_LINKS) || Files.exists(folder) ? folder.toRealPath() : folder;
    }

    /** desk/evidence.yaml when the user named desk/obligations.yaml: as they would type it. */
    private static String label(TruceFile file, Path evidence) {
        Path dir = file.directory();
        Path relative = evidence.startsWith(dir) ? dir.relativize(evidence) : evidence;
        Path labelDir = Path.of(file.label()).getParent();
        return relative.isAbsolute() || labelDir == null ? relative.toString() : labelDir.resolve(relative).toString();
    }
}
