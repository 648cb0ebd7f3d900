package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What an edit of obligations.yaml must leave: the old bytes around the new text, and the old model plus the news. */
final class EditExpectations {
    static final String LABEL = "obligations.yaml";

    private EditExpectations() {
    }

    /** The file's model, as every command reads it. */
    static Register model(String text) {
        return new ObligationsFileReader(Long.MAX_VALUE, ParseCache.disabled(), false)
                .read(text.getBytes(StandardCharsets.UTF_8), Path.of(LABEL), LABEL).register();
    }

    /** Cutting the inserted text out of the new text gives back the old text, byte for byte, before and after each. */
    static void onlyInserted(String before, ObligationsEditor editor) {
        String after = editor.text();
        List<ObligationsEditor.Insertion> insertions = editor.insertions();
        ObligationsEditor.Insertion first = insertions.get(0);
        ObligationsEditor.Insertion last = insertions.get(insertions.size() - 1);
        byte[] old = utf8(before);
        byte[] prefix = utf8(after.substring(0, first.offset()));
        byte[] suffix = utf8(after.substring(last.offset() + last.text().length()));
        assertArrayEquals(Arrays.copyOf(old, prefix.length), prefix, "the bytes before the first insertion");
        assertArrayEquals(Arrays.copyOfRange(old, old.length - suffix.length, old.length), suffix,
                "the bytes after the last insertion");
        StringBuilder cut = new StringBuilder(after);
        for (int i = insertions.size() - 1; i >= 0; i--) {
            ObligationsEditor.Insertion insertion = insertions.get(i);
            assertEquals(insertion.text(), after.substring(insertion.offset(), insertion.offset() + insertion.text().length()));
            cut.delete(insertion.offset(), insertion.offset() + insertion.text().length());
        }
        assertEquals(before, cut.toString(), "every character outside the inserted text");
    }

    static Register extended(Register register, String id, Extension... added) {
        if (id == null) {
            List<Extension> chain = new ArrayList<>(register.truce().extensions());
            chain.addAll(List.of(added));
            return register.withTruce(register.truce().toBuilder().extensions(chain).build());
        }
        return register.withObligations(register.obligations().stream().map(o -> {
            if (!o.id().equals(id)) {
                return o;
            }
            List<Extension> chain = new ArrayList<>(o.extensions());
            chain.addAll(List.of(added));
            return o.toBuilder().extensions(chain).build();
        }).toList());
    }

    static Register withOutcome(Register register, String id, Outcome outcome) {
        if (id == null) {
            return register.withTruce(register.truce().withOutcome(outcome));
        }
        return register.withObligations(register.obligations().stream()
                .map(o -> o.id().equals(id) ? o.toBuilder().outcome(outcome).build() : o).toList());
    }

    static Obligation obligation(Register register, String id) {
        return register.find(id).orElseThrow();
    }

    static Extension extension(String decided, String until, String source) {
        return new Extension(decided == null ? null : LocalDate.parse(decided), Moment.parse(until), source, null, false);
    }

    static Outcome ended(String decided, String source) {
        return new Outcome(OutcomeResult.ENDED, LocalDate.parse(decided), null, List.of(), null, source, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
