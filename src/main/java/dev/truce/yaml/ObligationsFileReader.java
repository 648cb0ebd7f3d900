package dev.truce.yaml;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Register;
import dev.truce.domain.Suggestions;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads obligations.yaml (format version 1) into a {@link TruceFile}, reporting every problem of
 * the file at once, in line order, as {@code FILE:LINE:COL: path.to.key: what is wrong (expected)}.
 */
public final class ObligationsFileReader {
    public static final int FORMAT_VERSION = 1;
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final String ID_EXPECTED = "expected lowercase letters, digits and single dashes, e.g. us-reciprocal-suspension";

    private static final List<String> TOP_KEYS = List.of("version", "truce", "alerts", "obligations",
            "evidence_file", "stale_after_days", "state", "daemon");
    private static final List<String> TRUCE_KEYS = List.of("id", "title", "parties", "announced", "effective",
            "timezone", "days", "extensions", "sources", "note");
    private static final List<String> EXTENSION_KEYS = List.of("decided", "until", "source", "note");
    private static final List<String> ALERT_KEYS = List.of("thresholds", "recipients", "smtp", "schedule", "zone");
    private static final List<String> SMTP_KEYS = List.of("host", "port", "security", "username", "from", "password_file");
    private static final List<String> DAEMON_KEYS = List.of("cluster");
    private static final List<String> OBLIGATION_KEYS = List.of("id", "title", "party", "kind", "effective", "due",
            "extensions", "owner", "recipients", "hts", "sources", "depends_on", "note");
    private static final Map<String, String> SECRETS = Map.of("password",
            "a password must not be written in obligations.yaml, which is shared in git; "
            + "set $TRUCE_SMTP_PASSWORD or point password_file at a file only the alert job can read");
    private static final String DUE_EXPECTED = "expected truce-end, none, a date YYYY-MM-DD or a date-time with offset";

    private final long maxBytes;
    private final SnapshotCache cache;

    public ObligationsFileReader() {
        this(YamlTreeReader.configuredMaxBytes(), SnapshotCache.disabled());
    }

    public ObligationsFileReader(long maxBytes) {
        this(maxBytes, SnapshotCache.disabled());
    }

    public ObligationsFileReader(long maxBytes, SnapshotCache cache) {
        this.maxBytes = maxBytes;
        this.cache = cache;
    }

    /** Reads and checks the file; throws a bad-input {@link TruceException} listing every problem. */
    public TruceFile read(Path path, String label) {
        if (!java.nio.file.Files.exists(path)) {
            throw TruceException.badInput(label + ": no such file (name the obligations file with -f FILE or $TRUCE_FILE)");
        }
        List<Problem> problems = new ArrayList<>();
        YamlTreeReader yaml = new YamlTreeReader(label, maxBytes, problems);
        if (!cache.enabled()) {
            return bind(path, label, yaml.read(path), problems);
        }
        byte[] content = yaml.bytes(path);
        return cache.load("obligations", path, content, in -> TruceFileCodec.decode(in, path, label)).orElseGet(() -> {
            TruceFile file = bind(path, label, yaml.read(content), problems);
            cache.store("obligations", path, content, file, TruceFileCodec::encode);
            return file;
        });
    }

    private static TruceFile bind(Path path, String label, YamlNode root, List<Problem> problems) {
        TruceFile file = root == null ? null : new Binding(path, label, problems).file(root);
        if (!problems.isEmpty() || file == null) {
            throw invalid(problems);
        }
        return file;
    }

    static TruceException invalid(List<Problem> problems) {
        return new TruceException(TruceException.Cause.BAD_INPUT,
                problems.stream().sorted(Problem.IN_LINE_ORDER).map(Problem::render).toList());
    }

    /** One pass over one file's tree. */
    private static final class Binding {
        private final Path path;
        private final String label;
        private final List<Problem> problems;

        Binding(Path path, String label, List<Problem> problems) {
            this.path = path;
            this.label = label;
            this.problems = problems;
        }

        TruceFile file(YamlNode root) {
            if (!(root instanceof YamlNode.Mapping mapping)) {
                problems.add(new Problem(label, root.position(), "",
                        "expected a mapping with version, truce and obligations, found " + root.description()));
                return null;
            }
            Fields top = new Fields(label, "", mapping, problems);
            top.allowOnly(TOP_KEYS, Map.of());
            if (!version(top)) {
                return null;
            }
            Truce truce = truce(top.fields("truce", true, "expected the truce's id, title, parties, effective, timezone and days"));
            Fields alertFields = top.fields("alerts", false, "expected thresholds and recipients");
            AlertSettings alerts = alerts(alertFields);
            SmtpConfig smtp = smtp(alertFields == null ? null : alertFields.fields("smtp", false, "expected host, port, security, username, from"));
            Map<String, Integer> lines = new HashMap<>();
            List<Obligation> obligations = obligations(top, truce, lines);
            Integer stale = top.integer("stale_after_days", false, 1, "expected a whole number of days, at least 1");
            String evidence = top.text("evidence_file", false, "expected a path relative to this file");
            String state = top.text("state", false, "expected a directory path relative to this file");
            Fields daemon = top.fields("daemon", false, "expected cluster");
            String cluster = null;
            if (daemon != null) {
                daemon.allowOnly(DAEMON_KEYS, Map.of());
                cluster = daemon.text("cluster", false, "expected a JDBC URL such as jdbc:postgresql://host/db");
            }
            String schedule = alertFields == null ? null : alertFields.text("schedule", false, "expected a Quartz cron expression");
            ZoneId alertZone = alertFields == null ? null : alertFields.zone("zone", false);
            if (truce == null || !problems.isEmpty()) {
                return null;
            }
            Path dir = path.toAbsolutePath().getParent();
            Register register = new Register(truce, alerts, obligations,
                    stale == null ? Register.DEFAULT_STALE_AFTER_DAYS : stale);
            return new TruceFile(path, label, register, dir.resolve(evidence == null ? "evidence.yaml" : evidence),
                    dir.resolve(state == null ? ".truce" : state), smtp, schedule, alertZone, cluster, lines);
        }

        private boolean version(Fields top) {
            if (!top.has("version")) {
                top.problem("version", "missing (expected version: " + FORMAT_VERSION + " at the top of the file)");
                return false;
            }
            Integer version = top.integer("version", true, 1, "expected " + FORMAT_VERSION);
            if (version == null) {
                return false;
            }
            if (version != FORMAT_VERSION) {
                top.problem("version", "format version " + version + " is not known to this build of truce, which reads version "
                        + FORMAT_VERSION + " (upgrade truce)");
                return false;
            }
            return true;
        }

        private Truce truce(Fields f) {
            if (f == null) {
                return null;
            }
            f.allowOnly(TRUCE_KEYS, Map.of());
            String id = f.matching("id", true, ID, ID_EXPECTED);
            String title = f.text("title", true, "expected the truce's name");
            List<String> parties = parties(f);
            LocalDate announced = f.date("announced", false);
            Moment effective = f.moment("effective", true);
            ZoneId zone = f.zone("timezone", true);
            Integer days = f.integer("days", true, 1, "expected the number of days the truce runs, at least 1");
            List<String> sources = f.texts("sources", "expected a list of instruments");
            String note = f.text("note", false, "expected text");
            if (zone == null || effective == null || days == null) {
                extensions(f, null, null); // still report problems inside the chain
                return null;
            }
            Moment originalEnd = Truce.endAfter(effective, days, zone);
            List<Extension> extensions = extensions(f, originalEnd, zone);
            if (id == null || title == null || parties == null || extensions == null) {
                return null;
            }
            return new Truce(id, title, parties, announced, effective, zone, days, extensions, sources, note);
        }

        private List<String> parties(Fields f) {
            if (!f.has("parties")) {
                f.sequence("parties", true, "expected the parties, e.g. [US, CN]");
                return null;
            }
            List<String> parties = f.texts("parties", "expected the parties, e.g. [US, CN]");
            if (parties.size() < 2) {
                f.problem("parties", "a truce needs at least two parties, found " + parties.size());
                return null;
            }
            if (new HashSet<>(parties).size() != parties.size()) {
                f.problem("parties", "lists a party twice");
                return null;
            }
            if (parties.contains(Obligation.JOINT)) {
                f.problem("parties", "'" + Obligation.JOINT + "' is reserved for obligations of both sides");
                return null;
            }
            return parties;
        }

        /** The chain, or null when a link is wrong. Each link must move the deadline later than the one before. */
        private List<Extension> extensions(Fields owner, Moment original, ZoneId zone) {
            YamlNode.Sequence list = owner.sequence("extensions", false, "expected a list of {decided, until, source}");
            List<Extension> chain = new ArrayList<>();
            if (list == null) {
                return owner.has("extensions") ? null : chain;
            }
            boolean ok = true;
            Moment previous = original;
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                String itemPath = owner.pathOf("extensions") + "[" + i + "]";
                if (!(item instanceof YamlNode.Mapping m)) {
                    problems.add(new Problem(label, item.position(), itemPath,
                            "expected a mapping with decided, until and source, found " + item.description()));
                    ok = false;
                    continue;
                }
                Fields f = new Fields(label, itemPath, m, problems);
                f.allowOnly(EXTENSION_KEYS, Map.of());
                LocalDate decided = f.date("decided", false);
                Moment until = f.moment("until", true);
                String source = f.text("source", true, "expected the instrument that extended it, e.g. EO 14334");
                String note = f.text("note", false, "expected text");
                if (until == null || source == null) {
                    ok = false;
                    continue;
                }
                if (previous != null && zone != null && !until.end(zone).isAfter(previous.end(zone))) {
                    f.problem("until", "'" + until.iso() + "' does not move the deadline later than "
                            + previous.display(zone) + " (an extension must end after the deadline it extends)");
                    ok = false;
                }
                chain.add(new Extension(decided, until, source, note));
                previous = until;
            }
            return ok ? chain : null;
        }

        private AlertSettings alerts(Fields f) {
            if (f == null) {
                return AlertSettings.defaults();
            }
            f.allowOnly(ALERT_KEYS, Map.of());
            List<Integer> thresholds = f.integers("thresholds", 0, "expected days before a deadline, e.g. [30, 14, 7, 3, 1, 0]");
            List<String> recipients = f.emails("recipients");
            return new AlertSettings(thresholds == null ? AlertSettings.DEFAULT_THRESHOLDS : thresholds, recipients);
        }

        private SmtpConfig smtp(Fields f) {
            if (f == null) {
                return SmtpConfig.NONE;
            }
            f.allowOnly(SMTP_KEYS, SECRETS);
            String host = f.text("host", false, "expected a host name");
            Integer port = f.integer("port", false, 1, "expected a port number");
            if (port != null && port > 65535) {
                f.problem("port", port + " is not a port number (expected 1 to 65535)");
            }
            String security = f.text("security", false, "expected starttls, ssl or none");
            if (security != null && !List.of("starttls", "ssl", "none").contains(security)) {
                f.problem("security", "'" + security + "' is not a security mode (expected starttls, ssl or none)"
                        + Suggestions.didYouMean(security, List.of("starttls", "ssl", "none")));
            }
            String username = f.text("username", false, "expected the SMTP login");
            String from = f.email("from");
            String passwordFile = f.text("password_file", false, "expected a path to a file holding the password");
            Path dir = path.toAbsolutePath().getParent();
            return new SmtpConfig(host, port, security, username, from,
                    passwordFile == null ? null : dir.resolve(passwordFile));
        }

        private List<Obligation> obligations(Fields top, Truce truce, Map<String, Integer> lines) {
            YamlNode.Sequence list = top.sequence("obligations", true, "expected a list of obligations");
            List<Obligation> obligations = new ArrayList<>();
            if (list == null) {
                return obligations;
            }
            Map<String, Position> seen = new HashMap<>();
            Map<String, Fields> dependencies = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                String itemPath = "obligations[" + i + "]";
                if (!(item instanceof YamlNode.Mapping m)) {
                    problems.add(new Problem(label, item.position(), itemPath,
                            "expected a mapping with id, title, party and kind, found " + item.description()));
                    continue;
                }
                Fields f = new Fields(label, itemPath, m, problems);
                Obligation obligation = obligation(f, truce);
                String id = obligation == null ? idOf(f) : obligation.id();
                if (id != null) {
                    if (seen.containsKey(id)) {
                        f.problem("id", "duplicate id '" + id + "' (first at line " + seen.get(id).line() + ")");
                    } else {
                        seen.put(id, f.at("id"));
                        lines.put(id, f.at("id").line());
                    }
                }
                if (obligation != null) {
                    obligations.add(obligation);
                    dependencies.put(obligation.id(), f);
                }
            }
            for (Obligation obligation : obligations) {
                checkDependencies(obligation, dependencies.get(obligation.id()), seen.keySet());
            }
            return obligations;
        }

        private static String idOf(Fields f) {
            return f.node("id").filter(n -> n instanceof YamlNode.Scalar s && !s.isNull())
                    .map(n -> ((YamlNode.Scalar) n).text()).orElse(null);
        }

        private void checkDependencies(Obligation obligation, Fields f, Set<String> ids) {
            for (String dependency : obligation.dependsOn()) {
                if (dependency.equals(obligation.id())) {
                    f.problem("depends_on", "an obligation cannot depend on itself");
                } else if (!ids.contains(dependency)) {
                    f.problem("depends_on", "no obligation '" + dependency + "'" + Suggestions.didYouMean(dependency, ids));
                }
            }
        }

        private Obligation obligation(Fields f, Truce truce) {
            f.allowOnly(OBLIGATION_KEYS, Map.of());
            String id = f.matching("id", true, ID, ID_EXPECTED);
            String title = f.text("title", true, "expected what must be done, in one line");
            String party = party(f, truce);
            Kind kind = kind(f);
            Moment effective = f.moment("effective", false);
            Due due = due(f);
            String owner = f.email("owner");
            List<String> recipients = f.emails("recipients");
            List<String> hts = f.texts("hts", "expected a list of HTS codes in quotes, e.g. [\"9903.01.63\"]");
            List<String> sources = f.texts("sources", "expected a list of instruments");
            List<String> dependsOn = new ArrayList<>(new LinkedHashSet<>(f.texts("depends_on", "expected a list of obligation ids")));
            String note = f.text("note", false, "expected text");
            List<Extension> extensions = List.of();
            if (due != null && truce != null) {
                if (due.type() == Due.Type.FIXED) {
                    extensions = extensions(f, due.fixed(), truce.zone());
                } else if (f.has("extensions") && f.sequence("extensions", false, "").items().size() > 0) {
                    f.problem("extensions", "only an obligation with its own due date has its own extensions; due: "
                            + due.label() + (due.type() == Due.Type.TRUCE_END ? " follows the truce's extensions" : " never lapses"));
                    extensions = null;
                }
            }
            if (id == null || title == null || party == null || kind == null || due == null || truce == null
                    || extensions == null) {
                return null;
            }
            Obligation obligation = new Obligation(id, title, party, kind, effective, due, extensions, owner,
                    recipients, hts, sources, dependsOn, note);
            checkDueAfterEffective(f, obligation, truce);
            return obligation;
        }

        private String party(Fields f, Truce truce) {
            String party = f.text("party", true, "expected the party that must act");
            if (party == null || truce == null) {
                return party;
            }
            List<String> allowed = new ArrayList<>(truce.parties());
            allowed.add(Obligation.JOINT);
            if (!allowed.contains(party)) {
                f.problem("party", "'" + party + "' is not a party of this truce (expected one of "
                        + String.join(", ", allowed) + ")" + Suggestions.didYouMean(party, allowed));
                return null;
            }
            return party;
        }

        private Kind kind(Fields f) {
            String kind = f.text("kind", true, "expected one of " + String.join(", ", Kind.labels()));
            if (kind == null) {
                return null;
            }
            return Kind.fromLabel(kind).orElseGet(() -> {
                f.problem("kind", "'" + kind + "' is not a kind (expected one of " + String.join(", ", Kind.labels()) + ")"
                        + Suggestions.didYouMean(kind, Kind.labels()));
                return null;
            });
        }

        private Due due(Fields f) {
            if (!f.has("due")) {
                return Due.TRUCE_END;
            }
            String value = f.text("due", false, DUE_EXPECTED);
            if (value == null) {
                return null;
            }
            if (value.equals("truce-end")) {
                return Due.TRUCE_END;
            }
            if (value.equals("none")) {
                return Due.NONE;
            }
            if (!Character.isDigit(value.charAt(0))) {
                f.problem("due", "'" + value + "' is not a due date (" + DUE_EXPECTED + ")"
                        + Suggestions.didYouMean(value, List.of("truce-end", "none")));
                return null;
            }
            Moment moment = Fields.parseMoment(value, (message, unused) -> f.problem("due", message));
            return moment == null ? null : Due.at(moment);
        }

        private void checkDueAfterEffective(Fields f, Obligation obligation, Truce truce) {
            ZoneId zone = truce.zone();
            Instant starts = obligation.effectiveOr(truce).start(zone);
            obligation.deadlineChain(truce).ifPresent(chain -> {
                // A fixed due must start after the obligation; truce-end only has to reach past it in the end.
                Moment first = obligation.due().type() == Due.Type.FIXED ? chain.original() : chain.latest();
                if (!first.end(zone).isAfter(starts)) {
                    String key = obligation.due().type() == Due.Type.FIXED ? "due" : "effective";
                    f.problem(key, "due " + first.display(zone) + " is not after effective "
                            + obligation.effectiveOr(truce).display(zone) + " (an obligation must take effect before it lapses)");
                }
            });
        }
    }
}
