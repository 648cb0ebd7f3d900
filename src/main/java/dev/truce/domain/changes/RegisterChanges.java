package dev.truce.domain.changes;

import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import dev.truce.domain.changes.Change.Subject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of the files, as a desk reads it: obligations added or removed,
 * deadlines extended or corrected by hand, outcomes recorded, titles and sources edited, evidence added or
 * removed, and the same for the truce itself. Pure: no clock, no files. Obligations are matched by id
 * (a renamed id is one removed and one added); evidence entries have no id, so they are matched whole and an
 * edited entry is one removed and one added.
 *
 * <p>Order: the truce first; then the obligations in the order of the newer file, then those removed, in
 * the order of the older; within an obligation title, deadline, outcome, sources, other fields; then the
 * evidence removed and the evidence added, each in file order.
 */
public final class RegisterChanges {
    private static final ZoneId NO_ZONE = ZoneId.of("UTC");

    private RegisterChanges() {
    }

    /**
     * The changes from {@code before} to {@code after}; a null register is a file that did not exist (so
     * everything in the other is added, or removed). Moments are shown in the truce zone of the newer file.
     */
    public static List<Change> between(Register before, List<Evidence> beforeEvidence, Register after,
                                       List<Evidence> afterEvidence) {
        ZoneId zone = after != null ? after.truce().zone() : before != null ? before.truce().zone() : NO_ZONE;
        List<Change> changes = new ArrayList<>();
        truce(before == null ? null : before.truce(), after == null ? null : after.truce(), zone, changes);
        Map<String, Obligation> old = index(before);
        Map<String, Obligation> now = index(after);
        Extension truceMove = truceMove(before, after, zone);
        for (Obligation o : now.values()) {
            Obligation was = old.get(o.id());
            if (was == null) {
                changes.add(Change.of(ChangeKind.ADDED, new Subject(false, o.id()), null, o.title(), null));
            } else {
                if (truceMove != null && was.due().type() == Due.Type.TRUCE_END && o.due().type() == Due.Type.TRUCE_END
                        && o.outcome() == null) {
                    changes.add(new Change(ChangeKind.MOVED_WITH_TRUCE, false, o.id(),
                            before.truce().endChain().latest().display(zone), truceMove.until().display(zone),
                            truceMove.source(), truceMove.decided(), null));
                }
                obligation(was, o, zone, changes);
            }
        }
        for (Obligation o : old.values()) {
            if (!now.containsKey(o.id())) {
                changes.add(Change.of(ChangeKind.REMOVED, new Subject(false, o.id()), o.title(), null, null));
            }
        }
        evidence(beforeEvidence, afterEvidence, changes);
        return changes;
    }

    /** The newest enacted extension of the truce when its end moved later, else null. */
    private static Extension truceMove(Register before, Register after, ZoneId zone) {
        if (before == null || after == null) {
            return null;
        }
        Moment was = before.truce().endChain().latest();
        Moment is = after.truce().endChain().latest();
        if (!is.end(zone).isAfter(was.end(zone))) {
            return null;
        }
        List<Extension> chain = after.truce().extensions();
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).enacted()) {
                return chain.get(i);
            }
        }
        return null;
    }

    private static Map<String, Obligation> index(Register register) {
        Map<String, Obligation> byId = new LinkedHashMap<>();
        if (register != null) {
            register.obligations().forEach(o -> byId.putIfAbsent(o.id(), o));
        }
        return byId;
    }

    private static void truce(Truce before, Truce after, ZoneId zone, List<Change> changes) {
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            Truce t = before == null ? after : before;
            changes.add(Change.of(before == null ? ChangeKind.ADDED : ChangeKind.REMOVED, new Subject(true, t.id()),
                    before == null ? null : t.title(), after == null ? null : t.title(), null));
            return;
        }
        Subject subject = new Subject(true, after.id());
        title(subject, before.title(), after.title(), changes);
        Moment oldEnd = before.originalEnd();
        Moment newEnd = after.originalEnd();
        if (!oldEnd.equals(newEnd)) {
            changes.add(Change.of(ChangeKind.DUE_CORRECTED, subject, oldEnd.display(zone), newEnd.display(zone), null));
        }
        extensions(subject, before.extensions(), after.extensions(), newEnd.display(zone), zone, changes);
        outcome(subject, before.outcome(), after.outcome(), zone, changes);
        sources(subject, before.sources(), after.sources(), changes);
        List<String> edited = new ArrayList<>();
        field(edited, "id", before, after, Truce::id);
        field(edited, "parties", before, after, Truce::parties);
        field(edited, "announced", before, after, Truce::announced);
        if (oldEnd.equals(newEnd)) {
            field(edited, "effective", before, after, Truce::effective);
            field(edited, "days", before, after, Truce::days);
        }
        field(edited, "timezone", before, after, Truce::zone);
        field(edited, "note", before, after, Truce::note);
        if (!sameNotes(before.extensions(), after.extensions())) {
            edited.add("extension notes");
        }
        edited(subject, edited, changes);
    }

    private static void obligation(Obligation before, Obligation after, ZoneId zone, List<Change> changes) {
        Subject subject = new Subject(false, after.id());
        title(subject, before.title(), after.title(), changes);
        if (!before.due().equals(after.due())) {
            changes.add(Change.of(ChangeKind.DUE_CORRECTED, subject, due(before.due(), zone), due(after.due(), zone), null));
        }
        extensions(subject, before.extensions(), after.extensions(), due(after.due(), zone), zone, changes);
        outcome(subject, before.outcome(), after.outcome(), zone, changes);
        sources(subject, before.sources(), after.sources(), changes);
        List<String> edited = new ArrayList<>();
        field(edited, "party", before, after, Obligation::party);
        field(edited, "kind", before, after, Obligation::kind);
        field(edited, "effective", before, after, Obligation::effective);
        field(edited, "owner", before, after, Obligation::owner);
        field(edited, "recipients", before, after, Obligation::recipients);
        field(edited, "hts", before, after, Obligation::hts);
        field(edited, "depends_on", before, after, Obligation::dependsOn);
        field(edited, "target", before, after, Obligation::target);
        field(edited, "covers", before, after, Obligation::covers);
        field(edited, "duty", before, after, Obligation::duty);
        field(edited, "note", before, after, Obligation::note);
        if (!sameNotes(before.extensions(), after.extensions())) {
            edited.add("extension notes");
        }
        edited(subject, edited, changes);
    }

    private static void title(Subject subject, String before, String after, List<Change> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(Change.of(ChangeKind.TITLE_EDITED, subject, before, after, null));
        }
    }

    /**
     * Extensions are appended oldest first, so they are compared by position: a new last one is an
     * extension (from the deadline before it), a differing one a correction, a missing one a removal.
     */
    private static void extensions(Subject subject, List<Extension> before, List<Extension> after, String original,
                                   ZoneId zone, List<Change> changes) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            if (i >= before.size()) {
                Extension e = after.get(i);
                String from = original;
                for (int j = 0; j < i; j++) {
                    if (after.get(j).enacted()) {
                        from = after.get(j).until().display(zone);
                    }
                }
                changes.add(new Change(e.reported() ? ChangeKind.REPORTED : ChangeKind.EXTENDED, subject.onTruce(),
                        subject.id(), from, e.until().display(zone), e.source(), e.decided(), null));
            } else if (i >= after.size()) {
                Extension e = before.get(i);
                changes.add(Change.of(ChangeKind.EXTENSION_REMOVED, subject, extension(e, zone), null, e.source()));
            } else if (!sameLink(before.get(i), after.get(i))) {
                Extension e = after.get(i);
                changes.add(new Change(ChangeKind.EXTENSION_CORRECTED, subject.onTruce(), subject.id(),
                        extension(before.get(i), zone), extension(e, zone), e.source(), e.decided(), null));
            }
        }
    }

    private static boolean sameLink(Extension a, Extension b) {
        return a.until().equals(b.until()) && a.source().equals(b.source()) && Objects.equals(a.decided(), b.decided())
                && a.reported() == b.reported();
    }

    /** Whether only the notes of the extensions that are in both differ (the rest is reported as extensions). */
    private static boolean sameNotes(List<Extension> before, List<Extension> after) {
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (sameLink(before.get(i), after.get(i)) && !Objects.equals(before.get(i).note(), after.get(i).note())) {
                return false;
            }
        }
        return true;
    }

    /** "2026-07-31 by EO 1 (decided 2026-06-20)". */
    private static String extension(Extension e, ZoneId zone) {
        return e.until().display(zone) + " by " + e.source() + (e.decided() == null ? "" : " (decided " + e.decided() + ")");
    }

    private static String due(Due due, ZoneId zone) {
        return due.type() == Due.Type.FIXED ? due.fixed().display(zone) : due.label();
    }

    private static void outcome(Subject subject, Outcome before, Outcome after, ZoneId zone, List<Change> changes) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before == null) {
            changes.add(Change.of(ChangeKind.OUTCOME_RECORDED, subject, null, outcome(after, zone), after.source()));
        } else if (after == null) {
            changes.add(Change.of(ChangeKind.OUTCOME_REMOVED, subject, outcome(before, zone), null, before.source()));
        } else {
            changes.add(Change.of(ChangeKind.OUTCOME_CHANGED, subject, outcome(before, zone), outcome(after, zone),
                    after.source()));
        }
    }

    /** "lapsed, effective 2026-11-10, decided 2026-11-12, per EO 1": what a desk needs to act on. */
    static String outcome(Outcome o, ZoneId zone) {
        StringBuilder text = new StringBuilder(o.result().label());
        if (o.effective() != null) {
            text.append(", effective ").append(o.effective().display(zone));
        }
        if (o.decided() != null) {
            text.append(", decided ").append(o.decided());
        }
        if (!o.by().isEmpty()) {
            text.append(", by ").append(String.join(", ", o.by()));
        }
        if (o.duty() != null) {
            text.append(", duty ").append(percent(o.duty()));
        }
        return text.append(", per ").append(o.source()).toString(); // the note is for `truce show`
    }

    private static String percent(BigDecimal duty) {
        return duty.stripTrailingZeros().toPlainString() + "%";
    }

    private static void sources(Subject subject, List<String> before, List<String> after, List<Change> changes) {
        if (!before.equals(after)) {
            changes.add(Change.of(ChangeKind.SOURCES_EDITED, subject, list(before), list(after), null));
        }
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join("; ", values);
    }

    private static <T> void field(List<String> edited, String name, T before, T after, Function<T, Object> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            edited.add(name);
        }
    }

    private static void edited(Subject subject, List<String> fields, List<Change> changes) {
        if (!fields.isEmpty()) {
            changes.add(Change.of(ChangeKind.EDITED, subject, null, String.join(", ", fields), null));
        }
    }

    /** Entries matched whole, as many times as they occur: what is left on either side was removed or added. */
    private static void evidence(List<Evidence> before, List<Evidence> after, List<Change> changes) {
        Map<Evidence, Integer> unmatched = new HashMap<>();
        before.forEach(e -> unmatched.merge(e, 1, Integer::sum));
        List<Evidence> added = new ArrayList<>();
        for (Evidence e : after) {
            Integer left = unmatched.get(e);
            if (left == null) {
                added.add(e);
            } else if (left == 1) {
                unmatched.remove(e);
            } else {
                unmatched.put(e, left - 1);
            }
        }
        for (Evidence e : before) {
            Integer left = unmatched.get(e);
            if (left != null) {
                changes.add(new Change(ChangeKind.EVIDENCE_REMOVED, false, e.obligation(), evidence(e), null, e.source(),
                        null, e));
                unmatched.compute(e, (k, n) -> n == 1 ? null : n - 1);
            }
        }
        for (Evidence e : added) {
            changes.add(new Change(ChangeKind.EVIDENCE_ADDED, false, e.obligation(), null, evidence(e), e.source(),
                    null, e));
        }
    }

    /** "2026-06-22: MOFCOM says breaches (statement), MOFCOM notice": as the digest phrases the newest evidence. */
    static String evidence(Evidence e) {
        String amount = e.amount() == null ? "" : ", " + e.amount().stripTrailingZeros().toPlainString() + " so far";
        return e.date().iso() + ": " + e.claimant() + " says " + e.stance().label() + " (" + e.basis().label() + ")"
                + amount + ", " + e.source();
    }
}
