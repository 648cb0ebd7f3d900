package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Moment;
import dev.truce.domain.OutcomeResult;
import dev.truce.yaml.spec.ExtensionSpec;
import dev.truce.yaml.spec.OutcomeSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A spec record as text: its own keys in its own order, and every value reads back exactly. */
class SpecTextTest {
    /** Texts YAML would misread if written plain: numbers, booleans, indicators, quotes, breaks, odd characters. */
    static List<String> awkwardTexts() {
        return List.of("Ünïcode “quotes” 中文 and 🫘", "He said \"no\" and 'yes'", "a: b", "ends with a colon:",
                "x # not a comment", "#starts like a comment", "- a leading dash", "-", "yes", "no", "No", "off", "y",
                "null", "~", "true", "123", "12.50", "1e3", ".inf", "0x1F", "2026-12-07", "line one\nline two",
                "crlf\r\nline", " leading space", "trailing space ", "tab\there", "a, b", "[bracketed]", "{braced}",
                "!tag", "&anchor", "*alias", "%percent", "@at", "`tick", "|pipe", ">folded", "?question",
                "back\\slash", "a\u2028b", "bell\u0007", "zero\u200Bwidth", "\uFEFFmark", "e\u0301 combining",
                "a  double  space", "'single quoted'", "\"double quoted\"", "key: value # comment", "…", "EO 14334");
    }

    @ParameterizedTest
    @MethodSource("awkwardTexts")
    void textReadsBackExactlyInBlockAndFlowStyle(String text) {
        ExtensionSpec spec = new ExtensionSpec(LocalDate.parse("2026-12-07"), Moment.parse("2027-01-10T00:01-05:00"),
                null, text, text);
        assertEquals(spec, bind(ExtensionSpec.class, SpecText.block(spec, "    ", "\r\n")));
        assertEquals(spec, bind(ExtensionSpec.class, "outer:\n" + SpecText.block(spec, "  ", "\n"), "outer"));
        assertEquals(spec, bind(ExtensionSpec.class, SpecText.flow(spec)));
        assertEquals(spec, bind(ExtensionSpec.class, "[" + SpecText.flow(spec) + "]", 0));
    }

    @ParameterizedTest
    @MethodSource("awkwardTexts")
    void listItemsReadBackExactly(String text) {
        Sample sample = new Sample(List.of(text, "plain", text), null, null, null);
        assertEquals(sample, bind(Sample.class, SpecText.block(sample, "", "\n")));
        assertEquals(sample, bind(Sample.class, SpecText.flow(sample)));
    }

    @Test
    void keysFollowTheRecordsComponentsInOrderUnderTheirKeyNames() {
        OutcomeSpec outcome = new OutcomeSpec(OutcomeResult.REPLACED, LocalDate.parse("2026-02-20"),
                Moment.parse("2026-02-24T00:01-05:00"), List.of("a-one", "b-two"), new BigDecimal("12.50"), "Ruling",
                "a note");
        assertEquals(List.of("result: replaced", "decided: 2026-02-20", "effective: 2026-02-24T00:01-05:00",
                "by: [a-one, b-two]", "duty: 12.50", "source: Ruling", "note: a note"), SpecText.entries(outcome));
        List<String> keys = SpecBinder.plan(OutcomeSpec.class).components().stream().map(SpecBinder.Component::key).toList();
        assertEquals(keys, SpecText.entries(outcome).stream().map(e -> e.substring(0, e.indexOf(':'))).toList());
        assertEquals(outcome, bind(OutcomeSpec.class, SpecText.block(outcome, "", "\n")));
        assertEquals("{result: replaced, decided: 2026-02-20, effective: 2026-02-24T00:01-05:00, by: [a-one, b-two], "
                + "duty: 12.50, source: Ruling, note: a note}", SpecText.flow(outcome));
    }

    @Test
    void aKeyNamedOtherThanItsComponentIsWrittenUnderItsKeyName() {
        Sample sample = new Sample(null, Boolean.TRUE, new BigDecimal("0.10"), "x");
        assertEquals(List.of("flag: true", "rate_in_percent: 0.10", "the_text: x"), SpecText.entries(sample));
        assertEquals(sample, bind(Sample.class, SpecText.block(sample, "", "\n")));
    }

    @Test
    void nullsAndEmptyListsAreLeftOutAndTrueIsWrittenAsTrue() {
        ExtensionSpec reported = new ExtensionSpec(LocalDate.parse("2026-12-07"), Moment.parse("2027-01-10"), Boolean.TRUE,
                "Minister", null);
        assertEquals("  decided: 2026-12-07\n  until: 2027-01-10\n  reported: true\n  source: Minister\n",
                SpecText.block(reported, "  ", "\n"));
        assertEquals(List.of("the_text: only"), SpecText.entries(new Sample(List.of(), null, null, "only")));
    }

    @Spec(doc = "A record with the value types the spec records use, for these tests.")
    record Sample(@Key(doc = "items") List<String> items, @Key(doc = "a flag") Boolean flag,
                  @Key(name = "rate_in_percent", doc = "a number") BigDecimal rate,
                  @Key(doc = "text") String theText) {
    }

    private static <T extends Record> T bind(Class<T> type, String text) {
        return bind(type, text, -1, null);
    }

    private static <T extends Record> T bind(Class<T> type, String text, String key) {
        return bind(type, text, -1, key);
    }

    private static <T extends Record> T bind(Class<T> type, String text, int item) {
        return bind(type, text, item, null);
    }

    private static <T extends Record> T bind(Class<T> type, String text, int item, String key) {
        List<Problem> problems = new ArrayList<>();
        YamlNode node = new YamlTreeReader("text", Long.MAX_VALUE, problems).read(text);
        if (item >= 0) {
            node = ((YamlNode.Sequence) node).items().get(item);
        }
        if (key != null) {
            node = ((YamlNode.Mapping) node).values().get(key);
        }
        T bound = new SpecBinder("text", problems).bind(type, node, "");
        assertTrue(problems.isEmpty(), () -> problems + " in\n" + text);
        return bound;
    }
}
