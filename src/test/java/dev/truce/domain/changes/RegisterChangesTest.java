package dev.truce.domain.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Basis;
import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.Extension;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Owner;
import dev.truce.domain.Register;
import dev.truce.domain.Stance;
import dev.truce.domain.Truce;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The diff of two versions of the files, one edit at a time, as a desk would read it. */
class RegisterChangesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Truce truce(List<Extension> extensions, Outcome outcome) {
        return Truce.builder("t-1", Moment.parse("2026-01-01T00:01-05:00"), NEW_YORK, 90).title("Test truce")
                .announced(LocalDate.of(2026, 1, 1)).extensions(extensions).sources(List.of("Joint statement"))
                .outcome(outcome).build();
    }

    private static Obligation tariff() {
        return Obligation.builder("us-tariff").title("Suspend the tariff").kind(Kind.PAUSED_TARIFF).due("2026-06-30")
                .sources(List.of("EO 1")).build();
    }

    private static Obligation licences() {
        return Obligation.builder("cn-licences").title("Issue the licences").party("CN").kind(Kind.EXPORT_CONTROL)
                .build();
    }

    private static Register register(Truce truce, Obligation... obligations) {
        return new Register(truce, AlertSettings.defaults(), List.of(obligations), 30);
    }

    private static final Register BASE = register(truce(List.of(), null), tariff(), licences());

    private static Evidence evidence(String obligation, String date, Stance stance, String claimant) {
        return Evidence.builder(obligation, Moment.parse(date), stance, claimant, Basis.STATEMENT, "Notice of " + date)
                .build();
    }

    private static final Evidence CLAIM = evidence("cn-licences", "2026-03-02", Stance.BREACHES, "USTR");

    private static Extension extension(String decided, String until, String source) {
        return new Extension(decided == null ? null : LocalDate.parse(decided), Moment.parse(until), source, null);
    }

    private static Register withTariff(UnaryOperator<Obligation.Builder> edit) {
        return BASE.withObligations(List.of(edit.apply(tariff().toBuilder()).build(), licences()));
    }

    /** The changes as one line each: "ID kind: sentence". */
    private static List<String> lines(List<Change> changes) {
        return changes.stream().map(c -> (c.onTruce() ? "truce " : "") + c.id() + " " + c.kind().label() + ": "
                + c.describe()).toList();
    }

    static Stream<Arguments> edits() {
        Outcome lapsed = new Outcome(OutcomeResult.LAPSED, LocalDate.of(2026, 7, 2), null, List.of(), new BigDecimal("34.0"),
                "CBP notice", null);
        return Stream.of(
                Arguments.of("nothing", BASE, List.of()),
                Arguments.of("an obligation added", register(BASE.truce(), tariff(), licences(),
                        Obligation.builder("joint-talks").title("Keep talking").build()),
                        List.of("joint-talks added: added: Keep talking")),
                Arguments.of("an obligation removed", register(BASE.truce(), licences()),
                        List.of("us-tariff removed: removed: Suspend the tariff")),
                Arguments.of("a deadline extended", withTariff(b -> b.extensions(List.of(
                        extension("2026-06-20", "2026-07-31T00:01-04:00", "EO 2")))),
                        List.of("us-tariff extended: deadline extended from 2026-06-30 to 2026-07-31 00:01 EDT by EO 2 "
                                + "(decided 2026-06-20)")),
                Arguments.of("a due date corrected by hand", withTariff(b -> b.due("2026-07-15")),
                        List.of("us-tariff due-corrected: due date corrected: 2026-06-30 → 2026-07-15")),
                Arguments.of("a fixed due made to follow the truce", withTariff(b -> b.due(Due.TRUCE_END)),
                        List.of("us-tariff due-corrected: due date corrected: 2026-06-30 → truce-end")),
                Arguments.of("an outcome recorded", withTariff(b -> b.outcome(lapsed)),
                        List.of("us-tariff outcome-recorded: outcome recorded: lapsed, decided 2026-07-02, duty 34%, "
                                + "per CBP notice")),
                Arguments.of("a title edited", withTariff(b -> b.title("Suspend the 24-point tariff")),
                        List.of("us-tariff title-edited: title: Suspend the tariff → Suspend the 24-point tariff")),
                Arguments.of("sources edited", withTariff(b -> b.sources(List.of("EO 1", "Fact sheet"))),
                        List.of("us-tariff sources-edited: sources: EO 1 → EO 1; Fact sheet")),
                Arguments.of("other fields named", withTariff(b -> b.party("joint").note("n")
                        .owner(new Owner("Ana", null))),
                        List.of("us-tariff edited: edited: party, owner, note")),
                Arguments.of("the truce extended", BASE.withTruce(truce(List.of(
                        extension("2026-03-30", "2026-07-01T00:01-04:00", "EO 9")), null)),
                        List.of("truce t-1 extended: end extended from 2026-04-01 00:01 EDT to 2026-07-01 00:01 EDT by "
                                + "EO 9 (decided 2026-03-30)",
                                "cn-licences moved-with-truce: deadline moved with the truce from 2026-04-01 00:01 EDT "
                                + "to 2026-07-01 00:01 EDT by EO 9 (decided 2026-03-30)")),
                Arguments.of("the truce's outcome recorded", BASE.withTruce(truce(List.of(),
                        new Outcome(OutcomeResult.ENDED, null, Moment.parse("2026-02-24T00:01-05:00"), List.of(), null,
                                "Court ruling", "IEEPA void"))),
                        List.of("truce t-1 outcome-recorded: outcome recorded: ended, effective 2026-02-24 00:01 EST, "
                                + "per Court ruling")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void eachEditIsOneChange(String name, Register after, List<String> expected) {
        assertEquals(expected, lines(RegisterChanges.between(BASE, List.of(CLAIM), after, List.of(CLAIM))));
    }

    @Test
    void aSecondExtensionRunsFromTheFirstAndACorrectedOneShowsBothSides() {
        Register once = withTariff(b -> b.extensions(List.of(extension(null, "2026-07-31", "EO 2"))));
        Register twice = withTariff(b -> b.extensions(List.of(extension(null, "2026-08-31", "EO 2"),
                extension("2026-08-20", "2026-09-30", "EO 3"))));
        assertEquals(List.of(
                "us-tariff extension-corrected: extension corrected: 2026-07-31 by EO 2 → 2026-08-31 by EO 2",
                "us-tariff extended: deadline extended from 2026-08-31 to 2026-09-30 by EO 3 (decided 2026-08-20)"),
                lines(RegisterChanges.between(once, List.of(), twice, List.of())));
        assertEquals(List.of("us-tariff extension-removed: extension removed: 2026-09-30 by EO 3 (decided 2026-08-20)"),
                lines(RegisterChanges.between(twice, List.of(), withTariff(b -> b.extensions(
                        List.of(extension(null, "2026-08-31", "EO 2")))), List.of())));
    }

    @Test
    void outcomesChangedAndRemovedSayWhatTheyWere() {
        Outcome lapsed = new Outcome(OutcomeResult.LAPSED, null, null, List.of(), null, "CBP", null);
        Outcome replaced = new Outcome(OutcomeResult.REPLACED, null, Moment.parse("2026-07-01"), List.of("cn-licences"),
                null, "Fact sheet", null);
        Register a = withTariff(b -> b.outcome(lapsed));
        Register b2 = withTariff(b -> b.outcome(replaced));
        assertEquals(List.of("us-tariff outcome-changed: outcome changed: lapsed, per CBP → replaced, effective "
                + "2026-07-01, by cn-licences, per Fact sheet"), lines(RegisterChanges.between(a, List.of(), b2, List.of())));
        assertEquals(List.of("us-tariff outcome-removed: outcome removed (was lapsed, per CBP)"),
                lines(RegisterChanges.between(a, List.of(), BASE, List.of())));
    }

    @Test
    void evidenceIsMatchedWholeSoAnEditIsARemovalAndAnAddition() {
        Evidence complies = evidence("us-tariff", "2026-03-05", Stance.COMPLIES, "MOFCOM");
        Evidence edited = evidence("cn-licences", "2026-03-03", Stance.BREACHES, "USTR");
        List<Change> changes = RegisterChanges.between(BASE, List.of(CLAIM, complies, complies), BASE,
                List.of(complies, edited, complies, CLAIM));
        assertEquals(List.of("cn-licences evidence-added: evidence added: 2026-03-03: USTR says breaches (statement), "
                + "Notice of 2026-03-03"), lines(changes), "a repeated entry counts as often as it occurs");
        assertEquals(edited, changes.get(0).evidence());
        assertEquals(List.of(
                "cn-licences evidence-removed: evidence removed: 2026-03-02: USTR says breaches (statement), Notice of 2026-03-02",
                "cn-licences evidence-added: evidence added: 2026-03-03: USTR says breaches (statement), Notice of 2026-03-03"),
                lines(RegisterChanges.between(BASE, List.of(CLAIM), BASE, List.of(edited))));
    }

    @Test
    void aFileThatDidNotExistMakesEverythingAddedAndOneRemovedEverythingRemoved() {
        assertEquals(List.of("truce t-1 added: truce added: Test truce", "us-tariff added: added: Suspend the tariff",
                "cn-licences added: added: Issue the licences", "cn-licences evidence-added: evidence added: 2026-03-02: "
                        + "USTR says breaches (statement), Notice of 2026-03-02"),
                lines(RegisterChanges.between(null, List.of(), BASE, List.of(CLAIM))));
        assertEquals(List.of("truce t-1 removed: truce removed: Test truce", "us-tariff removed: removed: Suspend the tariff",
                "cn-licences removed: removed: Issue the licences"),
                lines(RegisterChanges.between(BASE, List.of(), null, List.of())));
    }

    @Test
    void changesComeInFileOrderTruceFirstThenObligationsThenEvidence() {
        Register after = register(truce(List.of(), null).withOutcome(null), licences(),
                tariff().toBuilder().title("New title").build(), Obligation.builder("new-one").build());
        List<String> kinds = new ArrayList<>();
        RegisterChanges.between(BASE, List.of(), register(BASE.truce().toBuilder().title("Renamed").build(), after.obligations().toArray(Obligation[]::new)),
                List.of(CLAIM)).forEach(c -> kinds.add(c.id() + " " + c.kind()));
        assertEquals(List.of("t-1 title-edited", "us-tariff title-edited", "new-one added",
                "cn-licences evidence-added"), kinds);
    }

    @Test
    void theTrucesOriginalEndCorrectedIsNotAnExtension() {
        Truce longer = BASE.truce().toBuilder().days(120).build();
        assertEquals(List.of("truce t-1 due-corrected: original end corrected: 2026-04-01 00:01 EDT → 2026-05-01 00:01 EDT"),
                lines(RegisterChanges.between(BASE, List.of(), BASE.withTruce(longer), List.of())));
    }
}
