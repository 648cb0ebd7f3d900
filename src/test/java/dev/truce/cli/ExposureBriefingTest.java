package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truce report --products`: the exposure section of the briefing, read as text. */
class ExposureBriefingTest {
    @TempDir
    Path dir;

    private static final String PRODUCTS = ExposureFiles.PRODUCTS
            + "2846.90,US,5,\"Oxides <script>alert('x')</script> & <b>bold</b>\"\n";

    @Test
    void aTableAndAStackedChartPerProductInASelfContainedPage() throws Exception {
        ExposureFiles.write(dir, PRODUCTS);
        CliRunner.Result r = new CliRunner(dir).run("report", "--products", "products.csv", "--as-of", ExposureFiles.AS_OF,
                "-o", "briefing.html");
        assertEquals(0, r.exitCode(), r::toString);
        String html = Files.readString(dir.resolve("briefing.html"));
        ReportCommandTest.assertSelfContained(html);
        assertTrue(html.contains("<section id=\"exposure\">"));
        String top = html.substring(html.indexOf("<section class=\"exposure-top\">"), html.indexOf("<h2>Timeline</h2>"));
        assertTrue(top.indexOf("<section class=\"exposure-top\">") < html.indexOf("<h2>Timeline</h2>"),
                "the exposure change is on the first screen, before the timeline");
        assertTrue(top.contains("<b>Total into US</b> (3 products): landed duty ")
                && top.contains("; +1,608,001.2 a year if every deadline ahead lapses or runs out"), top);
        assertTrue(top.contains("<b>Total into CN</b> (1 product)"), top);
        String section = html.substring(html.indexOf("<section id=\"exposure\">"), html.indexOf("<h2>Appendix: obligations and evidence"));
        assertEquals(4, count(section, "<figure class=\"layers\">"), "one chart per product");
        assertEquals(4, count(section, "<polyline class=\"duty-kept\""), "one landed line per product");
        assertEquals(4, count(section, "<polyline class=\"duty-lapsed\""),
                "past a deadline with no outcome recorded (passed, or still ahead) the duty is drawn both ways");
        assertTrue(count(section, "<rect class=\"layer-truce\"") >= 4, "the truce layer as bands");
        assertTrue(section.contains("<td class=\"layers unknown\"><b>10 or 34 (truce layer only)</b>"),
                "soybeans: both duties, never a guess");
        assertTrue(section.contains("cn-reciprocal: passed 2025-08-12 00:01 EDT, outcome not recorded (10% if kept, 34% if it lapsed)"));
        assertTrue(section.contains("<li>2025-09-30 · us-magnet-exclusion if it lapses (the suspension ends): +600,000 a "
                + "year; truce layer then 35</li>"), section);
        assertTrue(section.contains("<span class=\"id\">cn-rare-earth-licensing</span>"));
        assertTrue(section.contains("Total into US <span class=\"muted\">(3 products)</span>"));
        assertTrue(section.contains("Total into CN <span class=\"muted\">(1 product)</span>"), "one total per market");
        assertTrue(section.contains("+1,608,001.2 a year if every deadline ahead lapses or runs out"));
        assertTrue(section.contains("<p class=\"not-counted\">Not counted: AD/CVD"), "what is not counted, said");
        assertTrue(section.contains("Truce layer only: base and Section 301 duties not included"));
        assertTrue(section.contains("Oxides &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(count(section, "<line class=\"deadline") >= 5, "deadlines marked on the charts");
        assertTrue(section.contains("<line class=\"deadline unrecorded\""), "a passed deadline with no outcome is marked apart");
        assertTrue(Pattern.compile("<polyline class=\"duty-kept\" points=\"[0-9., ]+\">").matcher(section).find(),
                "nothing but numbers in the geometry");
        assertTrue(Pattern.compile("<rect class=\"layer-truce\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" "
                + "height=\"[0-9.]+\">").matcher(section).find());
    }

    @Test
    void withoutAProductListThereIsNoSection() throws Exception {
        ExposureFiles.write(dir, PRODUCTS);
        CliRunner.Result r = new CliRunner(dir).run("report", "-o", "briefing.html");
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(Files.readString(dir.resolve("briefing.html")).contains("id=\"exposure\""));
    }

    @Test
    void aBadProductListWritesNoPage() {
        ExposureFiles.write(dir, "hts,market,value,description\n85x,US,1,x\n");
        CliRunner.Result r = new CliRunner(dir).run("report", "--products", "products.csv", "-o", "briefing.html");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("truce report: products.csv:2: hts: '85x' is not an HTS code"), r::toString);
        assertFalse(Files.exists(dir.resolve("briefing.html")));
        CliRunner.Result overwrite = new CliRunner(dir).run("report", "--products", "products.csv", "-o", "products.csv");
        assertEquals(2, overwrite.exitCode(), overwrite::toString);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
