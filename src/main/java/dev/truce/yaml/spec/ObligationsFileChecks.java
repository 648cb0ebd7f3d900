package dev.truce.yaml.spec;

import dev.truce.domain.Due;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Suggestions;
import dev.truce.domain.Truce;
import dev.truce.yaml.Paths;
import dev.truce.yaml.Position;
import dev.truce.yaml.Problem;
import dev.truce.yaml.SpecBinder;
import dev.truce.yaml.YamlNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of obligations.yaml that span records: parties of the truce, unique ids, ids that exist,
 * deadline chains that move later, deadlines after starts, outcomes within the obligation's life. They
 * run on whatever could be read, so a file with a bad kind in one obligation still hears about an unknown
 * party in another; ids are checked against every id written, readable or not.
 */
public final class ObligationsFileChecks {
    public static final int FORMAT_VERSION = 1;
    public static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String ID_EXPECTED = "expected lowercase letters, digits and single dashes, e.g. us-reciprocal-suspension";
    /** The alert ledger's columns: an id longer than these could be sent but not recorded. */
    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_TRUCE_ID_LENGTH = 100;
    /** [all], or 2 to 10 digits of an HTS/HS code, with or without dots. */
    public static final String COVERS = "all|(?=(\\.?[0-9]){2,10}$)[0-9]+(\\.[0-9]+)*";
    public static final String COVERS_EXPECTED = "expected all, or an HTS/HS code of 2 to 10 digits, with or without "
            + "dots, e.g. \"8505.11\"";

    private final String file;
    private final YamlNode root;
    private final SpecBinder made;
    private final List<Problem> problems;

    private ObligationsFileChecks(String file, YamlNode root, SpecBinder made, List<Problem> problems) {
        this.file = file;
        this.root = root;
        this.made = made;
        this.problems = problems;
    }

    /** Checks what {@code binder} (which kept what it made) could read of the file under {@code root}. */
    public static void check(String file, YamlNode root, SpecBinder binder, List<Problem> problems) {
        new ObligationsFileChecks(file, root, binder, problems).run();
    }

    private void run() {
        TruceSpec truceSpec = made.made("truce", TruceSpec.class);
        Truce truce = truceSpec == null || truceSpec.id() == null ? null : truceSpec.toDomain();
        if (truce != null) {
            chain(truce.originalEnd(), truceSpec.extensions(), "truce.extensions", truce.zone());
            truceOutcome(truce);
        }
        List<YamlNode> items = items();
        Map<String, Position> ids = ids(items);
        for (int i = 0; i < items.size(); i++) {
            String path = "obligations[" + i + "]";
            ObligationSpec spec = made.made(path, ObligationSpec.class);
            if (spec != null) {
                obligation(spec, path, truce, ids.keySet());
            } else if (truce != null && items.get(i) instanceof YamlNode.Mapping m) {
                // the rest of it could not be read; its party can still be told apart
                if (m.values().get("party") instanceof YamlNode.Scalar party && !party.isNull()) {
                    party(party.text(), path, truce);
                }
            }
        }
        logFile("evidence_file", "evidence");
        logFile("acks_file", "acks");
        htsFile();
    }

    private List<YamlNode> items() {
        if (root instanceof YamlNode.Mapping m && m.values().get("obligations") instanceof YamlNode.Sequence s) {
            return s.items();
        }
        return List.of();
    }

    /** Every id written, readable or not, at its first place; a second use is reported. */
    private Map<String, Position> ids(List<YamlNode> items) {
        Map<String, Position> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YamlNode.Mapping m && m.values().get("id") instanceof YamlNode.Scalar s
                    && !s.isNull()) {
                String path = "obligations[" + i + "].id";
                Position first = seen.putIfAbsent(s.text(), s.position());
                if (first != null) {
                    problems.add(new Problem(file, s.position(), path, s.text(), "is a duplicate id (first at line "
                            + first.line() + ")"));
                }
            }
        }
        return seen;
    }

    private void obligation(ObligationSpec spec, String path, Truce truce, Set<String> ids) {
        List<String> dependencies = spec.dependsOn() == null ? List.of() : spec.dependsOn();
        for (int i = 0; i < dependencies.size(); i++) {
            String dependency = dependencies.get(i);
            if (dependency.equals(spec.id())) {
                problem(path + ".depends_on[" + i + "]", null, "an obligation cannot depend on itself");
            } else if (!ids.contains(dependency)) {
                problem(path + ".depends_on[" + i + "]", dependency, "is not an obligation" + Suggestions.didYouMean(dependency, ids));
            }
        }
        List<String> by = spec.outcome() == null || spec.outcome().by() == null ? List.of() : spec.outcome().by();
        for (int i = 0; i < by.size(); i++) {
            if (!ids.contains(by.get(i))) {
                problem(path + ".outcome.by[" + i + "]", by.get(i), "is not an obligation" + Suggestions.didYouMean(by.get(i), ids));
            }
        }
        if (truce == null) {
            return;
        }
        party(spec.party(), path, truce);
        if (spec.duty() != null && !truce.parties().contains(spec.duty().market())) {
            String market = spec.duty().market();
            String near = truce.parties().stream().filter(p -> p.equalsIgnoreCase(market)).findFirst()
                    .map(p -> "; did you mean '" + p + "'?").orElse(Suggestions.didYouMean(market, truce.parties()));
            problem(path + ".duty.market", market, "is not a market of this truce (expected one of "
                    + String.join(", ", truce.parties()) + ")" + near);
        }
        Due due = spec.due() == null ? Due.TRUCE_END : spec.due();
        boolean hasExtensions = spec.extensions() != null && !spec.extensions().isEmpty();
        if (due.type() == Due.Type.FIXED) {
            chain(due.fixed(), spec.extensions(), path + ".extensions", truce.zone());
        } else if (hasExtensions) {
            problem(path + ".extensions", null, "only an obligation with its own due date has its own extensions; due: "
                    + due.label() + (due.type() == Due.Type.TRUCE_END ? " follows the truce's extensions" : " never lapses"));
            return;
        }
        Obligation obligation = spec.toDomain();
        dueAfterEffective(obligation, path, truce);
        outcomeWithinLife(obligation, path, truce);
    }

    private void party(String party, String path, Truce truce) {
        List<String> parties = new ArrayList<>(truce.parties());
        parties.add(Obligation.JOINT);
        if (!parties.contains(party)) {
            problem(path + ".party", party, "is not a party of this truce (expected one of "
                    + String.join(", ", parties) + ")" + Suggestions.didYouMean(party, parties));
        }
    }

    private void dueAfterEffective(Obligation obligation, String path, Truce truce) {
        ZoneId zone = truce.zone();
        Instant starts = obligation.effectiveOr(truce).start(zone);
        obligation.deadlineChain(truce).ifPresent(chain -> {
            // A fixed due must come after the start; truce-end only has to reach past it in the end.
            boolean fixed = obligation.due().type() == Due.Type.FIXED;
            Moment first = fixed ? chain.original() : chain.latest();
            if (!first.end(zone).isAfter(starts)) {
                problem(path + (fixed ? ".due" : ".effective"), null, "due " + first.display(zone)
                        + " is not after effective " + obligation.effectiveOr(truce).display(zone)
                        + " (an obligation must take effect before it lapses)");
            }
        });
    }

    private void outcomeWithinLife(Obligation obligation, String path, Truce truce) {
        if (obligation.outcome() == null || obligation.outcome().effective() == null) {
            return;
        }
        ZoneId zone = truce.zone();
        Moment effective = obligation.outcome().effective();
        if (effective.start(zone).isBefore(obligation.effectiveOr(truce).start(zone))) {
            problem(path + ".outcome.effective", null, effective.display(zone) + " is before the obligation starts ("
                    + obligation.effectiveOr(truce).display(zone) + ")");
        }
    }

    private void truceOutcome(Truce truce) {
        if (truce.outcome() != null && truce.outcome().effective() != null
                && truce.outcome().effective().start(truce.zone()).isBefore(truce.effective().start(truce.zone()))) {
            problem("truce.outcome.effective", null, truce.outcome().effective().display(truce.zone())
                    + " is before the truce took effect (" + truce.effective().display(truce.zone()) + ")");
        }
    }

    /**
     * Each enacted extension must end after the enacted deadline it extends; a reported one must end after the
     * enacted deadline it stands beside (it moves nothing, so the next entry extends the same deadline).
     */
    private void chain(Moment original, List<ExtensionSpec> extensions, String path, ZoneId zone) {
        if (extensions == null) {
            return;
        }
        Moment previous = original;
        for (int i = 0; i < extensions.size(); i++) {
            ExtensionSpec extension = extensions.get(i);
            Moment until = extension.until();
            boolean reported = Boolean.TRUE.equals(extension.reported());
            if (!until.end(zone).isAfter(previous.end(zone))) {
                problem(path + "[" + i + "].until", until.iso(), (reported ? "is not later than the enacted deadline "
                        + previous.display(zone) + " (a reported extension must end after the deadline in force)"
                        : "does not move the deadline later than " + previous.display(zone)
                        + " (an extension must end after the deadline it extends)"));
            }
            if (!reported) {
                previous = until;
            }
        }
    }

    /** What can be said of evidence_file or acks_file from the text alone; where it really leads is checked when used. */
    private void logFile(String key, String holds) {
        if (!(root instanceof YamlNode.Mapping m) || !(m.values().get(key) instanceof YamlNode.Scalar s) || s.isNull()) {
            return;
        }
        String lower = s.text().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            problem(key, null, "must name a .yaml or .yml file (truce reads " + holds + " only from YAML files)");
        }
    }

    /** What can be said of hts_file from the text alone; where it leads is checked when it is read. */
    private void htsFile() {
        if (!(root instanceof YamlNode.Mapping m)) {
            return;
        }
        if (!(m.values().get("hts_file") instanceof YamlNode.Scalar s) || s.isNull()) {
            if (m.values().get("hts_effective") instanceof YamlNode.Scalar e && !e.isNull()) {
                problem("hts_effective", null, "says when the revision in hts_file took effect, and there is no "
                        + "hts_file (set both with truce hts import)");
            }
            return;
        }
        String lower = s.text().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".json") && !lower.endsWith(".json.gz")) {
            problem("hts_file", null, "must name a .json or .json.gz file (a USITC HTS export: hts.usitc.gov, Export, "
                    + "JSON)");
        }
    }

    private void problem(String path, String quoted, String message) {
        problems.add(new Problem(file, Paths.position(root, path), path, quoted, message));
    }
}
