package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truce report` end to end, read as text; {@link BriefingInChromiumTest} opens it in a browser. */
class ReportCommandTest {
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar (?:state-[a-z-]+|settled|unresolved)[^\"]*\" "
            + "data-id=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPageWithOneBarPerObligation() throws Exception {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("report", "-o", "briefing.html");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.out());
        String html = Files.readString(dir.resolve("briefing.html"));
        assertSelfContained(html);
        assertEquals(38, bars(html).size());
        assertTrue(bars(html).contains("us-reciprocal-suspension"));
        assertTrue(html.contains("<div class=\"number\">16</div>"), "the countdown");
        assertTrue(html.contains("days since the truce deadline passed"));
        assertTrue(html.contains("outcome not recorded: whether it lapsed, was extended or ended is not known here"));
        assertTrue(html.contains("class=\"today\""), "a line for today");
        assertTrue(html.contains("Today 26 Nov 2026"));
        assertEquals(2 * 5 + 3 + 1 + 2, count(html, "<path class=\"ext\""), "a marker for each extension that came "
                + "while an obligation was in force: two on the five that ran from Geneva, three on the Section 301 "
                + "exclusions, one on the first soybean tranche, one each on the UEL-11 and export-control-16 suspensions");
        assertTrue(html.contains("Next deadline:</strong> <span class=\"id\">cn-ga-ge-sb-ban-suspension</span>"));
    }

    @Test
    void printKeepsToTheSummaryUnlessAskedForTheDetails() {
        TestFiles.copyShipped(dir);
        String page = new CliRunner(dir).run("report").out();
        assertTrue(page.contains("<body>"), "no print-details class");
        assertTrue(page.contains("body:not(.print-details) section.appendix { display: none; }"));
        assertTrue(page.contains("<section class=\"details appendix\">"));
        assertTrue(page.contains("print it with truce report --print-details"));
        assertTrue(new CliRunner(dir).run("report", "--print-details").out().contains("<body class=\"print-details\">"));
    }

    @Test
    void stdoutByDefaultAndAsOfReplaysThePast() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("report", "--as-of", "2025-08-10");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("<!DOCTYPE html>"), result::toString);
        assertTrue(result.out().contains("As of 10 Aug 2025"));
        assertTrue(result.out().contains("days until the truce ends"));
        assertTrue(result.out().contains("(not yet known as of this view)"), "the later extensions are marked");
        assertEquals(1, count(result.out(), "<path class=\"ext\""), "only the Section 301 exclusions' first extension: "
                + "its decided date is unknown, so it counts once the deadline it replaced (2025-05-31) passed");
    }

    @Test
    void aHostileFileIsShownAsText() throws Exception {
        TestFiles.writeHostile(dir);
        CliRunner.Result result = new CliRunner(dir).at("2026-10-31T12:00:00Z").run("report", "-o", "hostile.html");
        assertEquals(0, result.exitCode(), result::toString);
        String html = Files.readString(dir.resolve("hostile.html"));
        assertSelfContained(html);
        assertEquals(TestFiles.HOSTILE_COUNT, bars(html).size());
        assertFalse(html.contains("<script"), "no markup from the file survives");
        assertFalse(html.contains("<b>bold</b>"));
        assertFalse(html.contains("<i>tarifaire</i>"));
        assertTrue(html.contains("Tariff &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\nsecond line"));
        assertTrue(html.contains("<span class=\"muted\">javascript:alert(1) #5</span>"), "a title, never a link");
        assertTrue(html.contains("<dd>CN &amp; &lt;HK&gt; · "));
        assertFalse(html.contains("<li>injected"), "evidence text cannot close or open list items");
        assertTrue(html.contains("<a href=\"https://example.com/notice?id=5&amp;lang=en#part\" rel=\"noreferrer\">"
                + "Gazette &lt;/li&gt;&lt;li&gt;injected &amp; &lt;b&gt;bold&lt;/b&gt; #5</a>"));
        assertTrue(html.contains("<div class=\"note muted\">Says &lt;script&gt;alert(&#39;n&#39;)&lt;/script&gt; &amp; "
                + "&quot;quotes&quot;\nnext line</div>"));
        // breached obligations are drawn in their colour, or hatched where the deadline passed with no outcome; the
        // compliance state is on every bar's tooltip either way
        assertEquals(100, count(html, " · breached</title></rect>"), "breached obligations");
        assertEquals(100, count(html, " · disputed</title></rect>"));
        assertTrue(count(html, "<rect class=\"bar state-breached") > 0 && count(html, "<rect class=\"bar unresolved") > 0);
    }

    @Test
    void neverWritesOverAnInputFile() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        String before = Files.readString(dir.resolve("evidence.yaml"));
        CliRunner.Result result = new CliRunner(dir).run("report", "-o", "./evidence.yaml");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(before, Files.readString(dir.resolve("evidence.yaml")));
        assertTrue(Files.exists(file));
    }

    @Test
    void aBadFileIsOneLineWithItsPlaceAndNothingIsWritten() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        Files.writeString(file, Files.readString(file).replace("timezone: America/New_York", "timezone: America/New_Yrok"));
        CliRunner.Result result = new CliRunner(dir).run("report", "-o", "briefing.html");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().matches("truce report: obligations\\.yaml:\\d+:\\d+: truce\\.timezone: 'America/New_Yrok' is not a known time zone.*\n"),
                result::toString);
        assertFalse(Files.exists(dir.resolve("briefing.html")));
    }

    /** Nothing to fetch: no scripts, no stylesheets or fonts to load, no images, no remote references in CSS. */
    static void assertSelfContained(String html) {
        for (String forbidden : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import",
                "src=", "@font-face")) {
            assertFalse(html.contains(forbidden), () -> "found " + forbidden);
        }
        // url() only for the page's own SVG patterns (url(#id)), never an address
        assertFalse(java.util.regex.Pattern.compile("url\\((?!#)").matcher(html).find(), "a url() to somewhere else");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            String target = href.group(1);
            assertTrue(target.startsWith("#") || target.startsWith("https://") || target.startsWith("http://"),
                    () -> "unexpected link " + target);
        }
    }

    static List<String> bars(String html) {
        return BAR.matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
