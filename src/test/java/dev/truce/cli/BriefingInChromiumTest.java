package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing opened for real in headless Chromium. Screenshots and a PDF are left in target/ for
 * people to look at: briefing.png (the shipped files), briefing.pdf (A4 print), briefing-hostile.png.
 */
@Tag("slow")
class BriefingInChromiumTest {
    private static final Path TARGET = Path.of("target");

    @TempDir
    Path dir;

    @Test
    void theShippedBriefingLoadsCleanlyWithOneBarPerObligation() throws Exception {
        Chromium chromium = Chromium.require(dir);
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).at("2026-12-07T12:00:00Z").run("report", "-o", "briefing.html");
        assertEquals(0, result.exitCode(), result::toString);
        Path page = dir.resolve("briefing.html");

        Chromium.Load load = chromium.load(page);
        assertEquals(List.of(), load.console(), "console messages");
        assertEquals(List.of(), load.requests(), "the page must not reach the network");
        long obligations = new CliRunner(dir).run("ids").out().lines().count();
        assertEquals(obligations, ReportCommandTest.bars(load.dom()).size(), "one bar per obligation in the loaded SVG");
        assertTrue(load.dom().contains("<line class=\"today\""));

        Files.createDirectories(TARGET);
        chromium.screenshot(page, TARGET.resolve("briefing.png"), 1240, 1754);
        chromium.printToPdf(page, TARGET.resolve("briefing.pdf"));
        String pdf = new String(Files.readAllBytes(TARGET.resolve("briefing.pdf")), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"));
        Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)]").matcher(pdf);
        assertTrue(box.find(), "a page size");
        assertEquals(595, Math.round(Double.parseDouble(box.group(1))), "A4 is 595 pt wide");
        assertEquals(842, Math.round(Double.parseDouble(box.group(2))), "A4 is 842 pt high");
        long summary = pages(pdf);
        assertTrue(summary >= 1 && summary <= 2, "the printed briefing is at most two A4 pages, not " + summary);

        assertEquals(0, new CliRunner(dir).at("2026-12-07T12:00:00Z").run("report", "--print-details", "-o", "full.html")
                .exitCode());
        chromium.printToPdf(dir.resolve("full.html"), TARGET.resolve("briefing-full.pdf"));
        long full = pages(new String(Files.readAllBytes(TARGET.resolve("briefing-full.pdf")), StandardCharsets.ISO_8859_1));
        assertTrue(full > summary, "--print-details prints every obligation too: " + full + " pages, not " + summary);
    }

    private static long pages(String pdf) {
        return Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf).results().count();
    }

    @Test
    void aHostileFileIsShownAsTextAndStillDrawsEveryBar() throws Exception {
        Chromium chromium = Chromium.require(dir);
        TestFiles.writeHostile(dir);
        CliRunner.Result result = new CliRunner(dir).at("2026-10-31T12:00:00Z").run("report", "-o", "hostile.html");
        assertEquals(0, result.exitCode(), result::toString);
        Path page = dir.resolve("hostile.html");

        Chromium.Load load = chromium.load(page);
        assertEquals(List.of(), load.console(), "console messages");
        assertEquals(List.of(), load.requests(), "the page must not reach the network");
        assertEquals(TestFiles.HOSTILE_COUNT, ReportCommandTest.bars(load.dom()).size());
        assertFalse(load.dom().contains("<script"), "the <script> in a title stayed text");
        assertFalse(load.dom().contains("<b>bold</b>"));
        assertTrue(load.dom().contains("<h3>Tariff &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\nsecond line</h3>"),
                "the title, line break included, is text in the loaded page");
        assertFalse(load.dom().contains("<li>injected"), "evidence text opened no list item");
        assertTrue(load.dom().contains(">Gazette &lt;/li&gt;&lt;li&gt;injected &amp; &lt;b&gt;bold&lt;/b&gt; #5</a>"));
        assertTrue(load.dom().contains("Says &lt;script&gt;alert('n')&lt;/script&gt; &amp; \"quotes\"\nnext line"));
        Files.createDirectories(TARGET);
        chromium.screenshot(page, TARGET.resolve("briefing-hostile.png"), 1240, 1754);
    }
}
