package dev.truce.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.alert.AlertKey;
import dev.truce.alert.ChangeLines;
import dev.truce.alert.Digest;
import dev.truce.alert.DigestItem;
import dev.truce.alert.DigestSection;
import dev.truce.alert.Trigger;
import dev.truce.alert.TriggerKind;
import dev.truce.domain.Basis;
import dev.truce.domain.Compliance;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Stance;
import dev.truce.testing.TruceFixture;
import dev.truce.yaml.ObligationsFileReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Putting digests into words: subjects, phrases, and escaping of everything that came from a file. */
class DigestComposerTest {
    @TempDir
    Path dir;

    private Register register(String title) {
        Path file = TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), title, ""));
        return new ObligationsFileReader().read(file, "obligations.yaml").register();
    }

    private static ObligationStatus status(Register register, String id, Instant now) {
        return new StatusCalculator(register.truce(), register.alerts()).statusOf(register.find(id).orElseThrow(), now);
    }

    private static Trigger trigger(Register register, ObligationStatus status, TriggerKind kind, Integer threshold,
                                   ComplianceState previous) {
        return new Trigger(new AlertKey(register.truce().id(), status.id(), kind,
                status.deadlineInstant().orElse(null), threshold, "x@" + Instant.EPOCH), previous, null);
    }

    private static Compliance evidence(ComplianceState state, boolean stale, String claimant, String source) {
        return new Compliance(state, stale, 2, Optional.of(Evidence.builder("us-tariff",
                Moment.ofDate(LocalDate.of(2026, 6, 1)), Stance.BREACHES, claimant, Basis.REPORT, source).build()));
    }

    /**
     * Issue 21: the subject counts what needs a person first, then what is coming, then the news, each item once
     * under its most pressing topic, whatever order the items come in; fixed words, counts and the truce id only.
     */
    @Test
    void subjectsCountActionsFirstThenWhatIsComingThenNewsAndNameTheTruce() {
        Register register = register("Suspend the tariff");
        Instant dueDay = Instant.parse("2026-06-30T12:00:00Z");
        ObligationStatus today = status(register, "us-tariff", dueDay);
        ObligationStatus open = status(register, "open-thing", dueDay);
        ObligationStatus licences = status(register, "cn-licences", dueDay);   // 15 days left
        Digest mixed = new Digest("d@example.com", List.of(
                new DigestItem(open, List.of(trigger(register, open, TriggerKind.STALE, null, null)), Optional.empty()),
                new DigestItem(licences, List.of(trigger(register, licences, TriggerKind.THRESHOLD, 30, null),
                        trigger(register, licences, TriggerKind.STALE, null, null)), Optional.empty()),
                new DigestItem(today, List.of(trigger(register, today, TriggerKind.THRESHOLD, 0, null),
                        trigger(register, today, TriggerKind.STALE, null, null)), Optional.empty())));
        assertEquals("[truce] 1 due today · 1 due in 15 days · 1 with stale evidence (t-1)",
                AlertTexts.subject(mixed, "t-1", 3));
        assertEquals(List.of(DigestSection.ACTION, DigestSection.COMING_UP, DigestSection.INFORMATION),
                List.copyOf(mixed.sections(3).keySet()));
        assertEquals(List.of(DigestSection.ACTION, DigestSection.INFORMATION), List.copyOf(mixed.sections(15).keySet()),
                "with action_within_days 15 both deadlines need action");
        assertEquals("[truce] 2 due in 0 to 15 days · 1 with stale evidence (t-1)".replace("in 0 to", "within"),
                AlertTexts.subject(mixed, "t-1", 15));

        Instant after = Instant.parse("2026-07-20T12:00:00Z");
        ObligationStatus passed = status(register, "us-tariff", after);
        ObligationStatus alsoPassed = status(register, "cn-licences", after);
        Digest outcomes = new Digest("d@example.com", List.of(
                new DigestItem(passed, List.of(trigger(register, passed, TriggerKind.EXPIRED, null, null)), Optional.empty()),
                new DigestItem(alsoPassed, List.of(trigger(register, alsoPassed, TriggerKind.UNRESOLVED, null, null)),
                        Optional.empty()),
                new DigestItem(open, List.of(new Trigger(new AlertKey("t-1", "open-thing", TriggerKind.COMPLIANCE, null,
                        null, "at-risk@" + Instant.EPOCH), null, null)), Optional.empty())));
        assertEquals("[truce] 2 need an outcome · 1 at risk (t-1)", AlertTexts.subject(outcomes, "t-1", 3));
        assertEquals("[truce] 1 needs an outcome (t-1)", AlertTexts.subject(new Digest("d@example.com",
                outcomes.items().subList(0, 1)), "t-1", 3));
    }

    @Test
    void everyValueFromTheFilesIsEscapedInHtmlAndFlattenedInText() {
        Register register = register("\"Tariff \\e[31mred\\e[0m <b>bold</b>\\nsecond line\"");
        Instant now = Instant.parse("2026-06-23T11:00:00Z");
        ObligationStatus status = status(register, "us-tariff", now)
                .withCompliance(evidence(ComplianceState.BREACHED, true, "EU Chamber & <i>co</i>", "Report \"Q2\" <x>"));
        Digest digest = new Digest("d@example.com", List.of(new DigestItem(status, List.of(
                trigger(register, status, TriggerKind.COMPLIANCE, null, ComplianceState.BREACH_ALLEGED),
                trigger(register, status, TriggerKind.STALE, null, null)),
                Optional.of(Instant.parse("2026-06-20T11:00:00Z")))));
        ComposedDigest composed = new DigestComposer(register).compose(digest, now);

        String html = composed.html();
        assertTrue(html.contains("Tariff \u001b[31mred\u001b[0m &lt;b&gt;bold&lt;/b&gt;\nsecond line"), html);
        assertTrue(html.contains("EU Chamber &amp; &lt;i&gt;co&lt;/i&gt; says breaches (report), Report &quot;Q2&quot; &lt;x&gt;"),
                html);
        assertFalse(html.contains("<b>bold") || html.contains("<i>co") || html.contains("<x>"), html);

        String text = composed.text();
        assertTrue(text.contains("1. us-tariff: Tariff  [31mred [0m <b>bold</b> second line\n"), text);
        assertTrue(text.contains("\nAction needed (1)\n-----------------\n"), "a claimed breach needs a person: " + text);
        assertFalse(text.contains("\u001b"), "no terminal escapes reach --dry-run output");
        assertTrue(text.contains("   Compliance:      breached (evidence stale)\n"), text);
        assertTrue(text.contains("   Newest evidence: 2026-06-01: EU Chamber & <i>co</i> says breaches (report), "
                + "Report \"Q2\" <x>\n"), text);
        assertTrue(text.contains("""
                   What changed (last alert 2026-06-20 07:00 EDT):
                     - compliance changed from breach-alleged to breached
                     - evidence went stale: the newest entry is more than 30 days old
                """), text);
    }

    @Test
    void expiryExtensionAndResolutionArePhrasedForPeople() {
        Register register = register("Suspend the tariff");
        Instant after = Instant.parse("2026-07-02T12:00:00Z");
        ObligationStatus expired = status(register, "us-tariff", after);
        AlertTexts texts = new AlertTexts(register.truce().zone(), 30);
        assertEquals("deadline passed at 2026-07-01 00:00 EDT, outcome not recorded: record it with truce outcome "
                + "us-tariff --result RESULT --source TEXT, or truce extend us-tariff --until DATE --source TEXT if it "
                + "was extended", texts.change(trigger(register, expired, TriggerKind.EXPIRED, null, null), expired));
        assertEquals("passed 1 day ago, outcome not recorded", texts.daysLeft(expired));
        ObligationStatus licences = status(register, "cn-licences", after);
        assertEquals("deadline moved to 2026-07-15 00:01 EDT",
                texts.change(trigger(register, licences, TriggerKind.EXTENDED, null, null), licences));
        assertEquals("2026-07-15 00:01 EDT", texts.due(licences));
        assertEquals("resolved: complying again (was disputed)",
                texts.change(trigger(register, licences, TriggerKind.RESOLVED, null, ComplianceState.DISPUTED), licences));
        ObligationStatus open = status(register, "open-thing", after);
        assertEquals("none (open-ended)", texts.due(open));
        assertEquals("-", texts.daysLeft(open));
    }

    @Test
    void theChangesSinceTheLastDigestAreCutAtTwentyAndEscapedForEachPart() {
        Register register = register("Suspend the tariff");
        Instant now = Instant.parse("2026-06-23T11:00:00Z");
        ObligationStatus status = status(register, "us-tariff", now);
        Digest digest = new Digest("d@example.com", List.of(new DigestItem(status,
                List.of(trigger(register, status, TriggerKind.THRESHOLD, 7, null)), Optional.empty())));
        List<String> lines = new java.util.ArrayList<>(List.of("us-tariff: title: A → <b>B</b> & \u001b[31mC\nD"));
        IntStream.rangeClosed(2, 23).forEach(i -> lines.add("o-" + i + ": added: Obligation " + i));
        ComposedDigest composed = new DigestComposer(register)
                .withChanges(ChangeLines.of(Instant.parse("2026-06-20T11:00:00Z"), lines)).compose(digest, now);

        String text = composed.text();
        assertTrue(text.contains("""
                Changed since the last digest (2026-06-20 07:00 EDT):
                  - us-tariff: title: A → <b>B</b> & \\u001B[31mC\\nD
                  - o-2: added: Obligation 2
                """), text);
        assertTrue(text.contains("""
                  - o-20: added: Obligation 20
                  and 3 more: run truce changes

                --
                """), text);
        assertFalse(text.contains("o-21"), text);

        String html = composed.html();
        assertTrue(html.contains("<li>us-tariff: title: A → &lt;b&gt;B&lt;/b&gt; &amp; \u001b[31mC\nD</li>"), html);
        assertTrue(html.contains("and 3 more: run truce changes"), html);

        ComposedDigest none = new DigestComposer(register).withChanges(ChangeLines.NONE).compose(digest, now);
        assertFalse(none.text().contains("Changed since") || none.html().contains("Changed since"), none.text());
        assertEquals(new DigestComposer(register).compose(digest, now).text(), none.text(),
                "no section: the digest reads as it did before");
    }
}
