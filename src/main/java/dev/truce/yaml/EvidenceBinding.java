package dev.truce.yaml;

import dev.truce.domain.Basis;
import dev.truce.domain.Evidence;
import dev.truce.domain.EvidenceChecks;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds one entry of evidence.yaml to an {@link Evidence}, naming the key in every problem. The
 * reader and the appender's checks share it, so an entry the tool writes is one the reader accepts.
 * Repeated texts (ids, claimants, sources, dates) are shared between entries: a log of a million
 * entries says "CN" a few hundred thousand times.
 */
public final class EvidenceBinding {
    static final List<String> KEYS = List.of("obligation", "date", "stance", "claimant", "basis", "source", "url",
            "note", "recorded", "recorded_by");
    static final String ENTRY_EXPECTED = "expected a mapping with obligation, date, stance, claimant, basis and source";
    /** Beyond this many distinct values a text is not shared: memory must not grow with unique notes. */
    private static final int SHARED_LIMIT = 4096;

    private final String label;
    private final String obligationsName;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, Moment> dates = new HashMap<>();

    /** {@code obligationIds}: the ids obligations.yaml declares; {@code obligationsName} names that file in messages. */
    public EvidenceBinding(String label, Collection<String> obligationIds, String obligationsName) {
        this.label = label;
        this.obligationsName = obligationsName;
        obligationIds.forEach(id -> ids.put(id, id));
    }

    public String label() {
        return label;
    }

    /** A digest of the set of known ids, independent of their order: cached entries were checked against it. */
    long idsFingerprint() {
        long sum = 0;
        long xor = 0;
        for (String id : ids.keySet()) {
            long h = id.hashCode() * 0x9E3779B97F4A7C15L + id.length();
            h ^= h >>> 29;
            sum += h;
            xor ^= h * 0xBF58476D1CE4E5B9L;
        }
        return sum * 31 + xor + ids.size();
    }

    /** The entry, or null when something is wrong with it (then {@code problems} says what). */
    public Evidence bind(YamlNode item, String path, List<Problem> problems) {
        if (!(item instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(label, item.position(), path, ENTRY_EXPECTED + ", found " + item.description()));
            return null;
        }
        int before = problems.size();
        Fields f = new Fields(label, path, mapping, problems);
        f.allowOnly(KEYS, Map.of());
        String obligation = obligation(f);
        Moment date = date(f);
        String stanceText = f.text("stance", true, EvidenceChecks.STANCE_EXPECTED);
        Stance stance = stanceText == null ? null
                : EvidenceChecks.stance(stanceText, m -> f.problem("stance", m)).orElse(null);
        String claimant = name(f, "claimant", "expected who asserts it: a party (US, CN) or a third party", true);
        String basisText = f.text("basis", true, EvidenceChecks.BASIS_EXPECTED);
        Basis basis = basisText == null ? null
                : EvidenceChecks.basis(basisText, m -> f.problem("basis", m)).orElse(null);
        String source = share(f.text("source", true, "expected the publisher or instrument"));
        String url = f.text("url", false, EvidenceChecks.URL_EXPECTED);
        if (url != null) {
            EvidenceChecks.url(url, m -> f.problem("url", m));
        }
        String note = f.text("note", false, "expected text");
        Instant recorded = recorded(f);
        String recordedBy = name(f, "recorded_by", "expected who recorded it", false);
        if (problems.size() > before) {
            return null;
        }
        return new Evidence(obligation, date, stance, claimant, basis, source, url, note, recorded, recordedBy);
    }

    private String obligation(Fields f) {
        String id = f.text("obligation", true, "expected an obligation id from " + obligationsName);
        if (id == null) {
            return null;
        }
        String known = ids.get(id);
        if (known == null) {
            EvidenceChecks.knownObligation(id, ids.keySet(), obligationsName, m -> f.problem("obligation", m));
        }
        return known;
    }

    private Moment date(Fields f) {
        String text = f.text("date", true, Fields.MOMENT_EXPECTED);
        if (text == null) {
            return null;
        }
        Moment cached = dates.get(text);
        if (cached != null) {
            return cached;
        }
        Moment moment = Fields.parseMoment(text, (message, unused) -> f.problem("date", message));
        if (moment != null && dates.size() < SHARED_LIMIT) {
            dates.put(text, moment);
        }
        return moment;
    }

    /**
     * When the tool wrote the entry: an exact instant. The tool writes recorded right after date and
     * recorded_by last, so an entry with the one and not the other was cut off while being written.
     */
    private Instant recorded(Fields f) {
        String text = f.text("recorded", false, "expected an instant such as 2025-06-05T14:03:09Z");
        if (text == null) {
            return null;
        }
        Moment moment = Fields.parseMoment(text, (message, unused) -> f.problem("recorded", message));
        if (moment == null) {
            return null;
        }
        if (moment.isDateOnly()) {
            f.problem("recorded", "'" + text + "' is a date; recorded is an instant such as " + text + "T14:03:09Z");
            return null;
        }
        if (!f.has("recorded_by")) {
            f.problem("recorded", "has recorded but no recorded_by: `truce evidence add` writes recorded_by last, "
                    + "so this entry was cut off while being written (a crash or kill); delete the entry and add it again "
                    + "(if you wrote it by hand, add recorded_by)");
            return null;
        }
        return moment.start(ZoneOffset.UTC);
    }

    private String name(Fields f, String key, String expected, boolean required) {
        String text = f.text(key, required, expected);
        return text != null && EvidenceChecks.oneLine(text, m -> f.problem(key, m)) ? share(text) : null;
    }

    private String share(String text) {
        if (text == null) {
            return null;
        }
        String known = shared.get(text);
        if (known != null) {
            return known;
        }
        if (shared.size() < SHARED_LIMIT) {
            shared.put(text, text);
        }
        return text;
    }
}
