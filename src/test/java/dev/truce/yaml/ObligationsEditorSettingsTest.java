package dev.truce.yaml;

import static dev.truce.yaml.EditExpectations.LABEL;
import static dev.truce.yaml.EditExpectations.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.config.Settings;
import dev.truce.domain.TruceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Top-level settings set as text (`truce hts import` sets hts_file and hts_effective): a key already written has
 * its value replaced and nothing else; a new key goes on a line of its own after the settings above
 * {@code obligations:}; the file reads back as before plus exactly the settings.
 */
class ObligationsEditorSettingsTest {
    private static final String FILE = """
            # The desk's file.
            version: 1
            truce:
              id: demo
              title: A demo truce
              parties: [US, CN]
              effective: 2026-01-01
              timezone: America/New_York
              days: 90         # the first term
            alerts:
              recipients: [desk@example.com]   # who hears

            # ---- the list ----
            obligations:
              - id: a-one
                title: First
                party: US
                kind: other
            """;

    private static Settings settings(String text) {
        return new ObligationsFileReader(Long.MAX_VALUE, ParseCache.disabled(), false)
                .read(text.getBytes(StandardCharsets.UTF_8), Path.of(LABEL), LABEL).settings();
    }

    @Test
    void newKeysGoOnLinesOfTheirOwnAfterTheLastSettingAboveTheList() {
        ObligationsEditor editor = ObligationsEditor.of(FILE, LABEL).setScalar("hts_file", "hts_2026_rev_10.json.gz")
                .setScalar("hts_effective", "2026-06-08");
        assertEquals(FILE.replace("""
                  recipients: [desk@example.com]   # who hears
                """, """
                  recipients: [desk@example.com]   # who hears
                hts_file: hts_2026_rev_10.json.gz
                hts_effective: 2026-06-08
                """), editor.text(), "the blank line and the comment still lead to the list");
        assertEquals(model(FILE), model(editor.text()), "the obligations read as before");
        assertEquals("hts_2026_rev_10.json.gz", settings(editor.text()).htsFile());
        assertEquals(LocalDate.of(2026, 6, 8), settings(editor.text()).htsEffective());
        assertEquals(1, editor.insertions().size());
        assertEquals(12, editor.insertions().get(0).line(), "under alerts");
    }

    @Test
    void aKeyAlreadyWrittenHasOnlyItsValueReplacedCommentsKept() {
        String before = FILE.replace("obligations:\n", "hts_file: \"old one.json\"   # the revision we use\n"
                + "hts_effective: 2026-01-01\nobligations:\n");
        ObligationsEditor editor = ObligationsEditor.of(before, LABEL).setScalar("hts_file", "hts_2026_rev_10.json.gz")
                .setScalar("hts_effective", "2026-06-08");
        assertEquals(before.replace("\"old one.json\"", "hts_2026_rev_10.json.gz").replace("2026-01-01\nobl",
                "2026-06-08\nobl"), editor.text());
        assertEquals("hts_2026_rev_10.json.gz", settings(editor.text()).htsFile());
    }

    @Test
    void oneWrittenAndOneNewTheNewGoesAboveTheList() {
        String before = FILE.replace("obligations:\n", "hts_file: old.json\nobligations:\n");
        String after = ObligationsEditor.of(before, LABEL).setScalar("hts_file", "new.json.gz")
                .setScalar("hts_effective", "2026-06-08").text();
        assertEquals(before.replace("hts_file: old.json\n", "hts_file: new.json.gz\nhts_effective: 2026-06-08\n"),
                after);
    }

    @Test
    void aNameYamlWouldReadOtherwiseIsQuotedAndCrlfFilesGetCrlf() {
        String crlf = FILE.replace("\n", "\r\n");
        String after = ObligationsEditor.of(crlf, LABEL).setScalar("hts_file", "rev 10: final.json").text();
        assertTrue(after.contains("   # who hears\r\nhts_file: \"rev 10: final.json\"\r\n\r\n# ---- the list"), after);
        assertEquals("rev 10: final.json", settings(after).htsFile());
    }

    @Test
    void aFileWithoutAFinalLineBreakWhoseListComesFirst() {
        String text = "version: 1\nobligations: []\ntruce: {id: t, parties: [US, CN], effective: 2026-01-01, "
                + "timezone: UTC, days: 9}";
        String after = ObligationsEditor.of(text, LABEL).setScalar("hts_file", "x.json").text();
        assertEquals("version: 1\nhts_file: x.json\nobligations: []\ntruce: {id: t, parties: [US, CN], effective: "
                + "2026-01-01, timezone: UTC, days: 9}", after, "after the entry before the list");
    }

    @Test
    void aValueWrittenOverSeveralLinesOrAsAListIsRefusedWithItsPlace() {
        String block = FILE.replace("obligations:\n", "hts_file: >-\n  old.json\nobligations:\n");
        TruceException folded = assertThrows(TruceException.class,
                () -> ObligationsEditor.of(block, LABEL).setScalar("hts_file", "new.json"));
        assertEquals("obligations.yaml:14:11: hts_file is not written as one value on its line, so truce cannot "
                + "replace it; write it as `hts_file: VALUE` or remove it, then run again", folded.getMessage());
        String list = FILE.replace("obligations:\n", "hts_file: [a.json]\nobligations:\n");
        assertThrows(TruceException.class, () -> ObligationsEditor.of(list, LABEL).setScalar("hts_file", "new.json"));
    }

    @Test
    void settingsAndAnExtensionInOneEdit() {
        ObligationsEditor editor = ObligationsEditor.of(ObligationsEditorTest.COMMENTED, LABEL)
                .setScalar("hts_file", "x.json").addExtension("a-one", ObligationsEditorTest.EO3);
        String after = editor.text();
        assertTrue(after.contains("  sources: [Geneva statement]\nhts_file: x.json\n\nobligations:"), after);
        assertEquals(EditExpectations.extended(model(ObligationsEditorTest.COMMENTED), "a-one",
                ObligationsEditorTest.EO3), model(after));
        assertEquals(2, editor.insertions().size());
    }
}
