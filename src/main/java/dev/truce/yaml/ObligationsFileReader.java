package dev.truce.yaml;

import dev.truce.config.Progress;
import dev.truce.config.ReadSettings;
import dev.truce.config.EntryPlaces;
import dev.truce.config.Place;
import dev.truce.config.Settings;
import dev.truce.config.TruceFile;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.yaml.spec.AlertsSpec;
import dev.truce.yaml.spec.DaemonSpec;
import dev.truce.yaml.spec.ObligationSpec;
import dev.truce.yaml.spec.ObligationsFileChecks;
import dev.truce.yaml.spec.ObligationsFileSpec;
import dev.truce.yaml.spec.SmtpSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Reads obligations.yaml (format version 1) into a {@link TruceFile}: the tree ({@link YamlTreeReader}),
 * then the spec records ({@link SpecBinder}), then the rules across them ({@link ObligationsFileChecks}).
 * Every problem of the file is reported at once, in line order, as {@code FILE:LINE:COL: path.to.key: what
 * is wrong (expected)}.
 */
public final class ObligationsFileReader {
    public static final int FORMAT_VERSION = ObligationsFileChecks.FORMAT_VERSION;

    private final long maxBytes;
    private final ParseCache cache;
    private final boolean strictAddresses;
    private final Progress progress;

    /** A reader that checks addresses as the mail library will send (for validate and alerts). */
    public ObligationsFileReader() {
        this(ReadSettings.DEFAULT_MAX_BYTES, ParseCache.disabled(), true);
    }

    public ObligationsFileReader(long maxBytes) {
        this(maxBytes, ParseCache.disabled(), true);
    }

    public ObligationsFileReader(long maxBytes, ParseCache cache) {
        this(maxBytes, cache, true);
    }

    /**
     * {@code strictAddresses}: check email addresses with the mail library's own parser (validate, alert, ack,
     * the daemon); false for the commands that only show the file, which must not load the mail library.
     */
    public ObligationsFileReader(long maxBytes, ParseCache cache, boolean strictAddresses) {
        this(maxBytes, cache, strictAddresses, Progress.NONE);
    }

    /** {@code progress}: where reading the whole file says how far it has got. */
    public ObligationsFileReader(long maxBytes, ParseCache cache, boolean strictAddresses, Progress progress) {
        this.maxBytes = maxBytes;
        this.cache = cache;
        this.strictAddresses = strictAddresses;
        this.progress = progress;
    }

    /** The same reader, checking addresses strictly or quickly. */
    public ObligationsFileReader strict(boolean strict) {
        return strict == strictAddresses ? this : new ObligationsFileReader(maxBytes, cache, strict, progress);
    }

    /** What the cache keeps of a read: everything but where the file is and how it was named. */
    record Read(Register register, Settings settings, HashMap<String, Integer> lines, EntryPlaces places) {
    }

    /** Reads and checks the file; throws a bad-input {@link TruceException} listing every problem. */
    public TruceFile read(Path path, String label) {
        if (!Files.exists(path)) {
            throw TruceException.badInput(label + ": no such file (name the obligations file with -f FILE or $TRUCE_FILE)");
        }
        List<Problem> problems = new ArrayList<>();
        YamlTreeReader yaml = new YamlTreeReader(label, maxBytes, problems);
        byte[] content = yaml.bytes(path);
        String kind = strictAddresses ? "obligations-strict" : "obligations";
        Read read = cache.load(kind, path, content, CacheFormsCodec.OBLIGATIONS_FILE_READER_READ).orElse(null);
        if (read == null) {
            YamlNode root = yaml.watchedBy(progress).read(content);
            read = root == null ? null : bind(root, label, problems, strictAddresses);
            if (!problems.isEmpty() || read == null) {
                throw invalid(root, problems);
            }
            cache.store(kind, path, content, CacheFormsCodec.OBLIGATIONS_FILE_READER_READ, read);
        }
        return new TruceFile(path, label, read.register(), read.settings(), read.lines(), read.places());
    }

    /**
     * Reads a version of the file held in memory (as committed to git, or kept in a snapshot) exactly as
     * {@link #read} reads the file, but never through the parse cache. {@code path} is where the file is
     * taken to be: relative settings (evidence_file, state) are resolved against its folder.
     */
    public TruceFile read(byte[] content, Path path, String label) {
        List<Problem> problems = new ArrayList<>();
        YamlTreeReader yaml = new YamlTreeReader(label, maxBytes, problems);
        yaml.checkSize(content.length);
        YamlNode root = yaml.read(content);
        Read read = root == null ? null : bind(root, label, problems, strictAddresses);
        if (!problems.isEmpty() || read == null) {
            throw invalid(root, problems);
        }
        return new TruceFile(path, label, read.register(), read.settings(), read.lines(), read.places());
    }

    /**
     * The problems of a file read into {@code root} (null: it could not be parsed), each path through an
     * obligation naming its id: described here, once every check has placed its problems by the plain paths.
     */
    private static TruceException invalid(YamlNode root, List<Problem> problems) {
        return invalid(root == null ? problems : ObligationPaths.describe(problems, root));
    }

    /** The problems of a file that cannot be used, in line order, as one bad-input failure. */
    public static TruceException invalid(List<Problem> problems) {
        return new InvalidYaml(problems.stream().sorted(Problem.IN_LINE_ORDER).toList());
    }

    private static Read bind(YamlNode root, String label, List<Problem> problems, boolean strictAddresses) {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(label, root.position(), "", "expected a mapping with version, truce and obligations, "
                    + "found " + root.description()));
            return null;
        }
        if (!version(mapping, label, problems)) {
            return null;
        }
        SpecBinder binder = new SpecBinder(label, problems, true).strictAddresses(strictAddresses);
        ObligationsFileSpec file = binder.bind(ObligationsFileSpec.class, root, "");
        ObligationsFileChecks.check(label, root, binder, problems);
        if (file == null || !problems.isEmpty()) {
            return null;
        }
        AlertsSpec alerts = file.alerts();
        Register register = new Register(file.truce().toDomain(),
                alerts == null ? AlertsSpec.defaults() : alerts.toDomain(),
                file.obligations().stream().map(ObligationSpec::toDomain).toList(),
                file.staleAfterDays() == null ? Register.DEFAULT_STALE_AFTER_DAYS : file.staleAfterDays(),
                file.reviewed(), file.reviewEveryDays() == null ? Register.DEFAULT_REVIEW_EVERY_DAYS : file.reviewEveryDays());
        Position evidenceAt = Paths.position(root, "evidence_file");
        Position acksAt = Paths.position(root, "acks_file");
        SmtpSpec smtp = alerts == null ? null : alerts.smtp();
        DaemonSpec daemon = file.daemon();
        Position htsAt = Paths.position(root, "hts_file");
        Settings settings = new Settings(file.evidenceFile(),
                file.evidenceFile() == null ? null : new Place(evidenceAt.line(), evidenceAt.column()), file.acksFile(),
                file.acksFile() == null ? null : new Place(acksAt.line(), acksAt.column()), file.state(),
                smtp == null ? null : smtp.toConfig(), alerts == null ? null : alerts.schedule(),
                alerts == null ? null : alerts.zone(), daemon == null ? null : daemon.cluster(), file.htsFile(),
                file.htsFile() == null ? null : new Place(htsAt.line(), htsAt.column()), file.htsEffective());
        return new Read(register, settings, lines(root), EntryPlacesReader.of(root));
    }

    /** version: 1 first: a file of another format version is not read further (its keys may mean other things). */
    private static boolean version(YamlNode.Mapping mapping, String label, List<Problem> problems) {
        YamlNode version = mapping.values().get("version");
        if (version == null) {
            problems.add(new Problem(label, mapping.position(), "version", "missing (expected version: " + FORMAT_VERSION
                    + " at the top of the file)"));
            return false;
        }
        if (!(version instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.INTEGER) {
            problems.add(new Problem(label, version.position(), "version", "expected " + FORMAT_VERSION + ", found "
                    + version.description()));
            return false;
        }
        if (!s.text().equals(String.valueOf(FORMAT_VERSION))) {
            problems.add(new Problem(label, version.position(), "version", s.text(), "is a format version this build "
                    + "of truce does not know; it reads version " + FORMAT_VERSION + " (upgrade truce)"));
            return false;
        }
        return true;
    }

    /** Each obligation's line, for messages about other files that name it. */
    private static HashMap<String, Integer> lines(YamlNode root) {
        HashMap<String, Integer> lines = new HashMap<>();
        if (root instanceof YamlNode.Mapping m && m.values().get("obligations") instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Mapping o && o.values().get("id") instanceof YamlNode.Scalar id && !id.isNull()) {
                    lines.putIfAbsent(id.text(), id.position().line());
                }
            }
        }
        return lines;
    }
}
