package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing is a briefing: decisions first, each with the command that records it, then what changed since the
 * last briefing, then the timeline, where settled and unresolved rows each have a look of their own.
 */
class BriefingTopTest {
    @TempDir
    Path dir;

    @Test
    void decisionsComeFirstEachWithTheCommandThatRecordsIt() {
        TestFiles.copyShipped(dir);
        String html = new CliRunner(dir).at("2026-12-07T15:00:00Z").run("report").out();
        int decisions = html.indexOf("<h2>Decisions needed</h2>");
        assertTrue(decisions > 0 && decisions < html.indexOf("<h2>Timeline</h2>"), "decisions before the timeline");
        assertTrue(html.contains("The truce&#39;s enacted end passed 2026-11-10 00:01 EST (passed 27 days ago): outcome "
                + "not recorded; reported, not enacted: to 2027-01-10"), "the truce's own decision");
        assertTrue(html.contains("<code>truce outcome --truce --result RESULT --source TEXT</code>"));
        assertTrue(html.contains("10 obligations passed 2026-11-10 00:01 EST (passed 27 days ago) with no outcome "
                + "recorded"), "the rows that passed together, as one decision");
        assertTrue(html.contains("<code>truce outcome --due-at 2026-11-10T00:01-05:00 --result RESULT --source TEXT"
                + "</code>"));
        assertTrue(html.contains("<code>truce outcome cn-general-licences --result RESULT --source TEXT</code>"));
        assertFalse(html.contains("us-reciprocal-suspension</span>, "), "a settled row is no decision");
    }

    @Test
    void settledBarsStopWhereTheyTookEffectAndUnresolvedOnesLookApart() {
        TestFiles.copyShipped(dir);
        String html = new CliRunner(dir).at("2026-12-07T15:00:00Z").run("report").out();
        Matcher ended = Pattern.compile("<rect class=\"bar settled[^\"]*\" data-id=\"us-reciprocal-suspension\" x=\"([0-9.]+)\" "
                + "y=\"[0-9.]+\" width=\"([0-9.]+)\"").matcher(html);
        assertTrue(ended.find(), "the voided suspension is drawn settled");
        Matcher unresolved = Pattern.compile("<rect class=\"bar unresolved[^\"]*\" data-id=\"cn-rare-earth-licensing\" "
                + "x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"").matcher(html);
        assertTrue(unresolved.find(), "a passed deadline with no outcome is hatched, not faded like a healthy past one");
        double endedEnd = Double.parseDouble(ended.group(1)) + Double.parseDouble(ended.group(2));
        double rareEnd = Double.parseDouble(unresolved.group(1)) + Double.parseDouble(unresolved.group(2));
        assertTrue(endedEnd < rareEnd - 100, "it stops at 2026-02-24, not at its old deadline of 2026-11-10: "
                + endedEnd + " vs " + rareEnd);
        assertTrue(html.contains("<span class=\"dot unresolved\"></span>deadline passed, outcome not recorded"),
                "a legend swatch for each look");
        assertTrue(html.contains(">Suspend 24 points of the 34%…<title>us-reciprocal-suspension: Suspend 24 points"),
                "labels are titles, the id on hover");
    }

    @Test
    void outsideGitWhatChangedSaysItIsNotKnownRatherThanNothing() {
        TestFiles.copyShipped(dir);
        String html = new CliRunner(dir).at("2026-12-07T15:00:00Z").run("report").out();
        assertTrue(html.contains("<h2>What changed</h2>\n<p class=\"unknown\">Not known: obligations.yaml is not in a "
                + "git repository."), html);
        assertFalse(html.contains("Nothing in the files"), "not known is not nothing");
    }

    @Test
    void whatChangedSinceTheLastBriefingInGitAndTheBookmarkIsTheBriefingsOwn() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.commit("The shipped truce", "Ana", "2026-12-01T14:00:00Z");
            CliRunner first = new CliRunner(dir).env(java.util.Map.of("USER", "ana")).at("2026-12-02T15:00:00Z");
            assertTrue(first.run("report").out().contains("What changed in the last 24 hours"));
            first.run("changes");
            Files.writeString(file, Files.readString(file).replace("title: Suspend China's special port fees on US-linked "
                    + "vessels", "title: Suspend China's port fees on US-linked vessels"));
            repo.commit("Shorter title", "Bo", "2026-12-05T14:00:00Z");
            CliRunner later = new CliRunner(dir).env(java.util.Map.of("USER", "ana")).at("2026-12-07T15:00:00Z");
            String html = later.run("report").out();
            assertTrue(html.contains("<h2>What changed since the last briefing, 2 Dec 2026, 10:00 EST</h2>"), html);
            assertTrue(html.contains("<li>cn-port-fees-suspension: title: Suspend China&#39;s special port fees on "
                    + "US-linked vessels → Suspend China&#39;s port fees on US-linked vessels (Bo, 5 Dec 2026)</li>"));
            assertTrue(later.run("report").out().contains("<p class=\"none\">Nothing in the files.</p>"),
                    "the briefing moved its own bookmark");
            assertTrue(later.run("changes").out().contains("cn-port-fees-suspension"),
                    "truce changes keeps its own place: a briefing does not move it");
            assertTrue(later.run("report", "--since", "7d").out().contains("<h2>What changed since 7d</h2>"));
        }
    }
}
