package dev.truce.domain.recording;

import dev.truce.domain.DeadlineChain;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import dev.truce.domain.Suggestions;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of recording one news item ("extended to 2027-11-10", "it lapsed") for the truce and many obligations
 * at once: what may be chosen, what is refused and why, and the register as it must read afterwards. Pure: the
 * use case writes the text and checks that the file then reads as {@link #extend} or {@link #settle} say.
 */
public final class Recorder {
    /** What is recorded: an extension moves deadlines, an outcome settles them. */
    public enum Item { EXTENSION, OUTCOME }

    private final Register register;
    private final Instant now;
    private final ZoneId zone;

    public Recorder(Register register, Instant now) {
        this.register = register;
        this.now = now;
        this.zone = register.truce().zone();
    }

    /**
     * The truce if asked, the obligations named, and those whose enacted deadline is {@code dueAt}: without
     * duplicates, in file order. An id that is unknown, or that cannot take this item, is refused with the reason.
     */
    public Targets choose(Item item, List<String> ids, boolean truce, Optional<Instant> dueAt) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            Obligation o = register.require(id);
            refuse(item, o);
            chosen.add(id);
        }
        Optional<DueAtSelection> selection = dueAt.map(at -> DueAtSelection.at(register, at, now));
        selection.ifPresent(s -> {
            s.selected().forEach(o -> chosen.add(o.id()));
            if (item == Item.OUTCOME) { // an obligation that follows the truce does not follow the truce's outcome
                s.followTheTruce().stream().filter(o -> o.outcome() == null).forEach(o -> chosen.add(o.id()));
            }
        });
        if (truce) {
            refuseTruce(item);
        }
        List<Obligation> obligations = register.obligations().stream().filter(o -> chosen.contains(o.id())).toList();
        if (obligations.isEmpty() && !truce) {
            throw TruceException.badInput("nothing to record: " + (dueAt.isPresent()
                    ? "no obligation of its own clock is due at " + display(dueAt.get()) + " with its outcome not in effect"
                    + (selection.get().followTheTruce().isEmpty() ? "" : " (those due then follow the truce: add --truce)")
                    : "name obligation ids, --truce or --due-at INSTANT"));
        }
        return new Targets(truce, obligations, selection);
    }

    private void refuse(Item item, Obligation o) {
        if (item == Item.EXTENSION) {
            if (o.due().type() == Due.Type.TRUCE_END) {
                throw TruceException.badInput(o.id() + ": follows the truce: use --truce (an extension of the truce "
                        + "moves every obligation due at truce-end)");
            }
            if (o.due().type() == Due.Type.NONE) {
                throw TruceException.badInput(o.id() + ": has no deadline (due: none): there is nothing to extend");
            }
            if (o.outcome() != null) {
                throw TruceException.badInput(o.id() + ": has an outcome (" + o.outcome().result().label()
                        + "): an extension would not change it; if a new arrangement follows, add it as a new obligation");
            }
        } else if (o.outcome() != null) {
            throw TruceException.badInput(o.id() + ": already has an outcome (" + o.outcome().result().label()
                    + (o.outcome().decided() == null ? "" : ", decided " + o.outcome().decided())
                    + "); to change it, edit obligations.yaml by hand");
        }
    }

    private void refuseTruce(Item item) {
        Truce truce = register.truce();
        if (truce.outcome() != null) {
            throw TruceException.badInput("--truce: " + truce.id() + " already has an outcome ("
                    + truce.outcome().result().label() + ")" + (item == Item.EXTENSION
                    ? ": an extension would not change it" : "; to change it, edit obligations.yaml by hand"));
        }
    }

    /** The register once {@code extension} is appended to the chain of every target. */
    public Register extend(Targets targets, Extension extension) {
        for (Obligation o : targets.obligations()) {
            DeadlineChain chain = o.deadlineChain(register.truce()).orElseThrow();
            requireLater(o.id(), chain, extension);
        }
        if (targets.truce()) {
            requireLater(register.truce().id() + " (the truce)", register.truce().endChain(), extension);
        }
        Truce truce = register.truce();
        if (targets.truce()) {
            truce = truce.toBuilder().course(truce.course().extended(extension)).build();
        }
        return register.withTruce(truce).withObligations(register.obligations().stream()
                .map(o -> targets.obligations().contains(o) ? o.toBuilder().course(o.course().extended(extension)).build() : o)
                .toList());
    }

    private void requireLater(String who, DeadlineChain chain, Extension extension) {
        if (!extension.until().end(zone).isAfter(chain.latest().end(zone))) {
            throw TruceException.badInput("--until " + extension.until().iso() + ": not later than " + who
                    + "'s deadline " + chain.latest().display(zone) + " (an extension must move the deadline later)");
        }
    }

    /** The register once {@code outcome} is recorded on every target. */
    public Register settle(Targets targets, Outcome outcome) {
        for (String by : outcome.by()) {
            if (register.find(by).isEmpty()) {
                throw TruceException.badInput("--replaced-by: no obligation '" + by + "'"
                        + Suggestions.didYouMean(by, register.ids()) + " (add it to the file first)");
            }
        }
        if (targets.truce() && outcome.result() == OutcomeResult.REPLACED) {
            throw TruceException.badInput("--result replaced: the truce itself is not replaced by obligations; record "
                    + "ended or lapsed, and put the new arrangement's deadlines on its obligations");
        }
        for (Obligation o : targets.obligations()) {
            if (o.due().type() == Due.Type.NONE && outcome.effective() == null) {
                throw TruceException.badInput("--effective: needed for " + o.id() + ", which has no deadline (due: none)");
            }
            if (outcome.by().contains(o.id())) {
                throw TruceException.badInput("--replaced-by: " + o.id() + " cannot be replaced by itself");
            }
        }
        Truce truce = targets.truce() ? register.truce().withOutcome(outcome) : register.truce();
        return register.withTruce(truce).withObligations(register.obligations().stream()
                .map(o -> targets.obligations().contains(o) ? o.toBuilder().outcome(outcome).build() : o).toList());
    }

    private String display(Instant instant) {
        return instant.atZone(zone).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z",
                java.util.Locale.ENGLISH));
    }
}
