package dev.truce.alert.mail;

import dev.truce.alert.ChangeLines;
import dev.truce.alert.Digest;
import dev.truce.alert.DigestItem;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Phrases;
import dev.truce.domain.Register;
import dev.truce.domain.TimelineState;
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
 * title cannot forge a line of the message or a terminal escape when --dry-run prints it.
 */
public final class DigestComposer {
    private static final String TEMPLATES = "dev/truce/alert/mail/";
    private static final String ONE_LINE = "one-line";
    private static final int URGENT_DAYS = 3;

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
        String subject = AlertTexts.subject(digest, truceId);
        int count = digest.items().size();
        // everything the templates see; all of it is escaped on output
        Map<String, Object> context = Map.of(
                "warnings", warnings,
                "truceTitle", register.truce().title(),
                "recipient", digest.recipient(),
                "subject", subject,
                "headline", count + (count == 1 ? " obligation needs attention" : " obligations need attention"),
                "asOf", texts.at(now),
                "items", digest.items().stream().map(this::item).toList(),
                "ackExample", "truce ack " + digest.items().get(0).status().id()
                        + " --by NAME --reason TEXT [--until YYYY-MM-DD]",
                "historyCommand", "truce alert --history [ID]",
                "changes", changesView());
        return new ComposedDigest(digest, subject, render(text, "digest.txt.peb", context),
                render(html, "digest.html.peb", context));
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

    private ItemView item(DigestItem item) {
        ObligationStatus status = item.status();
        boolean urgent = status.timeline() == TimelineState.UNRESOLVED || status.timeline() == TimelineState.LAPSED
                || status.daysLeft().map(d -> d <= URGENT_DAYS).orElse(false)
                || status.compliance().state().isAlarming();
        List<String> changes = item.triggers().stream().map(t -> texts.change(t, status)).toList();
        return new ItemView(status.id(), status.obligation().title(), status.obligation().party(),
                status.obligation().kind().label(), texts.due(status), texts.daysLeft(status),
                texts.compliance(status.compliance()), texts.evidence(status.compliance()), changes,
                texts.lastAlert(item.lastAlert()), urgent);
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
