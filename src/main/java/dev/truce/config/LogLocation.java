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
 * Where a log of a truce file is (the evidence, the acks), checked before anything is read from it. evidence_file
 * and acks_file come from a file anyone on the desk may edit, so they alone must never make truce read (and quote
 * back in a message, or mail) another file: each must lead, links followed, to a .yaml or .yml file inside the
 * folder of obligations.yaml or inside a folder the operator allows with $TRUCE_EVIDENCE_DIRS, and never to the
 * file the SMTP password is read from, to obligations.yaml itself, or to the other log.
 *
 * @param path   the log file (it may not exist yet: the first `evidence add` or `ack` creates it)
 * @param label  how to name it in messages, relative to how the user named obligations.yaml
 * @param named  whether obligations.yaml names it (evidence_file, acks_file) rather than the default
 */
public record LogLocation(Path path, String label, boolean named) {
    public static final String ALLOWED_DIRS_VARIABLE = "TRUCE_EVIDENCE_DIRS";

    /** The logs obligations.yaml may place: the key that names each, its default, and what it holds. */
    public enum Log {
        EVIDENCE("evidence_file", Settings.DEFAULT_EVIDENCE_FILE, "evidence"),
        ACKS("acks_file", Settings.DEFAULT_ACKS_FILE, "acks");

        private final String key;
        private final String defaultName;
        private final String holds;

        Log(String key, String defaultName, String holds) {
            this.key = key;
            this.defaultName = defaultName;
            this.holds = holds;
        }

        public String key() {
            return key;
        }

        public String defaultName() {
            return defaultName;
        }

        Log other() {
            return this == EVIDENCE ? ACKS : EVIDENCE;
        }
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The evidence file of {@code file}, or a bad-input error pointing at evidence_file. */
    public static LogLocation of(TruceFile file, List<Path> allowed) {
        return of(file, Log.EVIDENCE, allowed);
    }

    /** Where {@code file} keeps {@code log}, or a bad-input error pointing at its key. */
    public static LogLocation of(TruceFile file, Log log, List<Path> allowed) {
        Path dir = file.directory();
        Path evidence = file.logFile(log).normalize();
        String label = label(file, evidence);
        String where = where(file, log);
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
                    + " (to " + real + "); truce reads " + log.holds + " only from that folder or from one named in $"
                    + ALLOWED_DIRS_VARIABLE);
        }
        String name = real.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw TruceException.badInput(where + ": " + label + " leads to " + real.getFileName()
                    + ", not a .yaml or .yml file; truce reads " + log.holds + " only from YAML files");
        }
        Optional<Path> password = file.passwordFile().flatMap(LogLocation::realIfExists);
        if (password.isPresent() && sameFile(password.get(), real)) {
            throw TruceException.badInput(where + ": " + label + " is the file the SMTP password is read from "
                    + "(alerts.smtp.password_file); name the " + log.holds + " file instead");
        }
        if (realIfExists(file.path()).map(o -> sameFile(o, real)).orElse(false)) {
            throw TruceException.badInput(where + ": " + label + " is " + file.label() + " itself; name the "
                    + log.holds + " file instead");
        }
        Path other = file.logFile(log.other()).normalize();
        if (sameFile(realIfExists(other).orElse(other), real)) {
            throw TruceException.badInput(where + ": " + label + " is also the " + log.other().holds + " file ("
                    + log.other().key + "); the two logs must be two files");
        }
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            throw TruceException.badInput(where + ": " + label + " is not a regular file");
        }
        return new LogLocation(real, label, file.namesLogFile(log));
    }

    /** "obligations.yaml:12:16: acks_file", or the file alone when the key is not written (the default). */
    public static String where(TruceFile file, Log log) {
        Place at = file.settings().logFileAt(log);
        return (at == null ? file.label() : at.in(file.label())) + ": " + log.key;
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
        return allowed.stream().map(LogLocation::realIfExists).flatMap(Optional::stream).anyMatch(real::startsWith);
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
