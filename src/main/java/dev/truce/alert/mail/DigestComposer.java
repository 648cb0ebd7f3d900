package dev.truce.alert.mail;

import dev.truce.alert.ChangeLines;
import dev.truce.alert.Digest;
import dev.truce.alert.DigestItem;
import dev.truce.alert.DigestSection;
import dev.truce.alert.TriggerKind;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcomes;
import dev.truce.domain.Phrases;
import dev.truce.domain.Register;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a digest into words with Pebble templates, both with auto-escaping on: HTML-escaped in the HTML
 * part; in the plain-text part every value is flattened to one line with control characters removed, so a
 * title cannot forge a line of the message or a terminal escape when --dry-run prints it. Both parts have the
 * same three sections ({@link DigestSection}), each with its own colour in the HTML part.
 */
public final class DigestComposer {
    private static final String TEMPLATES = "dev/truce/alert/mail/";
    private static final String ONE_LINE = "one-line";
    /** Red for action, amber for what is coming, blue-grey for news: news never looks like a warning. */
    private static final Map<DigestSection, String> COLOURS = Map.of(
            DigestSection.ACTION, "#c0392b",
            DigestSection.COMING_UP, "#e0a800",
            DigestSection.INFORMATION, "#5b7b9a");

    private final PebbleEngine html = engine().build();
    private final PebbleEngine text = engine()
            .addEscapingStrategy(ONE_LINE, AlertTexts::headerSafe)
            .defaultEscapingStrategy(ONE_LINE)
            .build();
    private final Register register;
    private final AlertTexts texts;
    private final List<String> warnings;
    private final ChangeLines changes;

    public DigestComposer(Register register) {
        this(register, List.of());
    }

    /** {@code warnings}: what could not be read (redacted: places and kinds, nothing typed), at the top of every digest. */
    public DigestComposer(Register register, List<String> warnings) {
        this(register, warnings, ChangeLines.NONE);
    }

    private DigestComposer(Register register, List<String> warnings, ChangeLines changes) {
        this.register = register;
        this.texts = new AlertTexts(register.truce().zone(), register.staleAfterDays());
        this.warnings = List.copyOf(warnings);
        this.changes = changes;
    }

    /** This composer with a "changed since the last digest" section in every digest (none when it is empty). */
    public DigestComposer withChanges(ChangeLines lines) {
        return new DigestComposer(register, warnings, lines);
    }

    public ComposedDigest compose(Digest digest, Instant now) {
        String truceId = register.truce().id();
        int actionWithin = register.alerts().actionWithinDays();
        String subject = AlertTexts.subject(digest, truceId, actionWithin);
        // everything the templates see; all of it is escaped on output
        Map<String, Object> context = Map.of(
                "warnings", warnings,
                "truceTitle", register.truce().title(),
                "recipient", digest.recipient(),
                "subject", subject,
                "headline", AlertTexts.summary(digest, actionWithin),
                "asOf", texts.at(now),
                "sections", sections(digest, actionWithin),
                "ackExample", "truce ack " + digest.items().get(0).status().id()
                        + " --reason TEXT [--until YYYY-MM-DD] [--by NAME]",
                "historyCommand", "truce alert --history [ID]",
                "changes", changesView());
        return new ComposedDigest(digest, subject, render(text, "digest.txt.peb", context),
                render(html, "digest.html.peb", context));
    }

    /** The sections that have items, in their order, the items numbered through the digest. */
    private List<SectionView> sections(Digest digest, int actionWithin) {
        List<SectionView> views = new java.util.ArrayList<>();
        int[] number = {0};
        digest.sections(actionWithin).forEach((section, items) -> views.add(SectionView.of(section.heading(),
                COLOURS.get(section), items.stream().map(item -> item(++number[0], item)).toList())));
        return views;
    }

    /** The changes section: lines as typed for the HTML part (escaped by Pebble), on one line each for the text part. */
    private ChangesView changesView() {
        if (changes.isEmpty()) {
            return new ChangesView(false, "", List.of(), List.of(), "");
        }
        return new ChangesView(true, texts.at(changes.since()), changes.lines(),
                changes.lines().stream().map(Phrases::oneLine).toList(),
                changes.more() == 0 ? "" : "and " + changes.more() + " more: run truce changes");
    }

    private ItemView item(int number, DigestItem item) {
        ObligationStatus status = item.status();
        List<String> changes = item.triggers().stream().map(t -> texts.change(t, status)).toList();
        // an outcome notice says what the outcome means, as `show` does; what counted down or was claimed is past
        boolean outcomeNotice = item.triggers().stream().anyMatch(t -> t.kind() == TriggerKind.OUTCOME);
        String meaning = outcomeNotice ? status.outcome().map(o -> Outcomes.meaning(status.obligation(), o)).orElse("")
                : "";
        return new ItemView(number, status.id(), status.obligation().title(), status.obligation().party(),
                status.obligation().kind().label(), texts.due(status), outcomeNotice ? "" : texts.daysLeft(status),
                outcomeNotice ? "" : texts.compliance(status.compliance()),
                outcomeNotice ? "" : texts.evidence(status.compliance()), meaning, changes,
                texts.lastAlert(item.lastAlert()));
    }

    private static String render(PebbleEngine engine, String name, Map<String, Object> context) {
        PebbleTemplate template = engine.getTemplate(TEMPLATES + name);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, context, Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static PebbleEngine.Builder engine() {
        return new PebbleEngine.Builder()
                .loader(new ClasspathLoader(DigestComposer.class.getClassLoader()))
                .autoEscaping(true)
                .strictVariables(true)
                .newLineTrimming(false) // the plain-text layout is exactly as written in the template
                .defaultLocale(Locale.ROOT);
    }
}
