package dev.truce.yaml;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Moment;
import dev.truce.domain.Suggestions;
import dev.truce.yaml.codec.BinaryCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one entry of a log file (a YAML list of {@code - obligation: ...} entries that truce appends to:
 * evidence.yaml, acks.yaml) is read and written. {@link EntryFileReader} and {@link EntryAppender} work for
 * any log through it; the reader and the appender's checks share it, so an entry the tool writes is one
 * the reader accepts. What every log shares lives here: its name in messages, the obligation each entry
 * names (which must be one obligations.yaml declares), and which obligation a broken entry was about.
 *
 * @param <T> the domain value of one entry
 */
public abstract class EntryBinding<T> {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            dev.truce.yaml.spec.ObligationsFileChecks.ID);

    private final String label;
    private final String obligationsName;
    private final Set<String> ids;
    protected final SpecBinder binder;

    /** {@code ids}: the obligations obligations.yaml declares; {@code obligationsName} names that file in messages. */
    protected EntryBinding(String label, Collection<String> ids, String obligationsName) {
        this.label = label;
        this.obligationsName = obligationsName;
        this.ids = Set.copyOf(ids);
        this.binder = new SpecBinder(label, new ArrayList<>());
    }

    /** A binding like {@code other}, with scratch state of its own (the binder and what it shares). */
    protected EntryBinding(EntryBinding<T> other) {
        this.label = other.label;
        this.obligationsName = other.obligationsName;
        this.ids = other.ids;
        this.binder = new SpecBinder(label, new ArrayList<>());
    }

    /**
     * The same binding for another thread, or null when entries are bound on one thread only. A reader of a
     * long log binds the second half of the file on another thread while it binds the first; a binding keeps
     * scratch state (its binder, repeated texts shared), so each thread needs its own.
     */
    protected EntryBinding<T> forAnotherThread() {
        return null;
    }

    /** The file as named in messages: evidence.yaml, desk/acks.yaml. */
    public String label() {
        return label;
    }

    protected String obligationsName() {
        return obligationsName;
    }

    /** The entry, or null when something is wrong with it (then {@code problems} says what). */
    public abstract T bind(YamlNode item, String path, List<Problem> problems);

    /** The entry as the lines the appender writes, each starting with {@code indent} and ending with {@code newline}. */
    public abstract String text(T entry, String indent, String newline);

    /** The comment a file the tool creates starts with. */
    public abstract String header();

    /** The parse cache's name for this kind of log (with {@link #entryCodec()}), or null for none. */
    protected String cacheKind() {
        return null;
    }

    /** How the parse cache writes one entry (a codec the build generates, see {@link CacheForms}); null: not cached. */
    protected BinaryCodec<T> entryCodec() {
        return null;
    }

    /** The obligation an entry is about (the parse cache keeps each obligation's entries apart by it). */
    protected abstract String obligationOf(T entry);

    /** The moment an entry says it happened, for the warning about entries dated after today; null: not dated. */
    protected Moment dateOf(T entry) {
        return null;
    }

    /** The key {@link #dateOf} reads, for the warning's position. */
    protected String dateKey() {
        return "date";
    }

    /** A digest of what entries are checked against, in any order: a cached read holds for the same digest only. */
    protected long fingerprint() {
        long sum = 0;
        long xor = 0;
        for (String id : ids) {
            long h = id.hashCode() * 0x9E3779B97F4A7C15L + id.length();
            h ^= h >>> 29;
            sum += h;
            xor ^= h * 0xBF58476D1CE4E5B9L;
        }
        return sum * 31 + xor + ids.size();
    }

    /** The obligation named must be one obligations.yaml declares: checked even when the rest of the entry is wrong. */
    protected boolean knownObligation(YamlNode item, String path, List<Problem> problems) {
        if (item instanceof YamlNode.Mapping m && m.values().get("obligation") instanceof YamlNode.Scalar s && !s.isNull()
                && !ids.contains(s.text()) && ID.matcher(s.text()).matches()) {
            problems.add(new Problem(label, s.position(), path + ".obligation", s.text(), "is not an obligation in "
                    + obligationsName + Suggestions.didYouMean(s.text(), ids)));
            return false;
        }
        return true;
    }

    /**
     * Which obligation a broken entry was about, if that can be told: its obligation id when it names one,
     * or the one it was probably meant to name. Empty when nothing says.
     */
    Optional<String> attribute(YamlNode item) {
        if (item instanceof YamlNode.Mapping m && m.values().get("obligation") instanceof YamlNode.Scalar s && !s.isNull()) {
            return attribute(s.text());
        }
        return Optional.empty();
    }

    Optional<String> attribute(String id) {
        if (ids.contains(id)) {
            return Optional.of(id);
        }
        return Suggestions.closest(id, ids);
    }

    /** The same check as the reader's, for a flag value (`truce evidence add ID`). */
    public void requireKnown(String id) {
        if (!ids.contains(id)) {
            throw new InvalidValue("is not an obligation in " + obligationsName + Suggestions.didYouMean(id, ids));
        }
    }
}
