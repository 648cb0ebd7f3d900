package dev.truce.output.briefing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.app.StatusReport;
import dev.truce.domain.AlertSettings;
import dev.truce.domain.Basis;
import dev.truce.domain.Compliance;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Due;
import dev.truce.domain.Evidence;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Stance;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Truce;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page as rendered from a view, with evidence and compliance states built here. */
class BriefingPageTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90).title("A truce")
            .extensions(List.of(new Extension(LocalDate.parse("2025-08-11"),
                    Moment.ofDateTime(OffsetDateTime.parse("2025-11-10T00:01-05:00")), "EO 14334", null))).build();
    private static final Instant AS_OF = Instant.parse("2025-07-01T12:00:00Z");

    @Test
    void evidenceIsATimelineWithSafeLinksAndColoursFollowCompliance() {
        Evidence later = evidence("2025-08-01", Stance.COMPLIES, "https://example.com/later", "after the view");
        Evidence breach = evidence("2025-05-23", Stance.BREACHES, "javascript:alert(1)", "a <b>note</b>");
        Evidence act = evidence("2025-05-14", Stance.COMPLIES, "https://example.com/a?x=1&y=2", null);
        String html = render(Map.of("a", List.of(later, breach, act)),
                new Compliance(ComplianceState.BREACHED, true, 2, Optional.of(breach)));

        int first = html.indexOf("2025-05-14</span>");
        int second = html.indexOf("2025-05-23</span>");
        int third = html.indexOf("2025-08-01</span>");
        assertTrue(first > 0 && first < second && second < third, "oldest first, whatever the file order");
        assertTrue(html.contains("<a href=\"https://example.com/a?x=1&amp;y=2\" rel=\"noreferrer\">"));
        assertFalse(html.contains("href=\"javascript:"), "only web addresses become links");
        assertTrue(html.contains("<span class=\"url muted\">(javascript:alert(1))</span>"), "the rest is shown as text");
        assertTrue(html.contains("a &lt;b&gt;note&lt;/b&gt;"));
        assertTrue(html.contains("<li class=\"stance-complies later\">"), "evidence after the as-of moment is marked");
        assertTrue(html.contains("<rect class=\"bar state-breached\" data-id=\"a\""), "the bar has the compliance colour");
        assertTrue(html.contains("<span class=\"badge state-breached\">breached</span> <span class=\"badge stale\">stale</span>"));
        assertTrue(html.contains("<li class=\"chip state-breached\"><b>1</b> breached</li>"));
    }

    @Test
    void anObligationWithoutEvidenceSaysSo() {
        String html = render(Map.of(), Compliance.NONE);
        assertTrue(html.contains("<p class=\"none\">No evidence recorded.</p>"));
        assertTrue(html.contains("<rect class=\"bar state-no-evidence\" data-id=\"a\""));
    }

    private static String render(Map<String, List<Evidence>> evidence, Compliance compliance) {
        Obligation a = Obligation.builder("a").title("Suspend <the> duty").party("US").kind(dev.truce.domain.Kind.PAUSED_TARIFF).due(Due.TRUCE_END).hts(List.of("9903.01.63")).sources(List.of("EO 14298")).build();
        StatusCalculator calculator = new StatusCalculator(TRUCE, AlertSettings.defaults());
        ObligationStatus status = calculator.statusOf(a, AS_OF).withCompliance(compliance);
        StatusReport report = new StatusReport(AS_OF, NEW_YORK, calculator.truceStatus(AS_OF), List.of(status), 1, 30,
                dev.truce.app.EvidenceHealth.of("evidence.yaml", dev.truce.yaml.EntryFileReader.Read.NONE, false),
                new StatusReport.Review("obligations.yaml", java.util.Optional.empty(), 30, false, 0), Map.of(), List.of(), 0);
        StringWriter out = new StringWriter();
        new BriefingPage().render(BriefingViews.of(report, evidence, false, "Generated for a test."), out);
        return out.toString();
    }

    private static Evidence evidence(String date, Stance stance, String url, String note) {
        return Evidence.builder("a", Moment.ofDate(LocalDate.parse(date)), stance, "CN", Basis.ACT, "MOFCOM").url(url)
                .note(note).build();
    }
}
