package dev.truce.alert.mail;

import dev.truce.alert.Digest;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts "the obligations file is invalid" into words for the daemon: which problems, and that alerts
 * are paused until the file is fixed. Same escaping as the digests: HTML-escaped in the HTML part,
 * every value flattened to one control-free line in the text part, since the problem lines quote
 * whatever the person typed. Composed as a digest without items so it goes out the same way.
 */
public final class InvalidFileComposer {
    private static final String TEMPLATES = "dev/truce/alert/mail/";
    private static final String ONE_LINE = "one-line";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private final PebbleEngine html = engine().build();
    private final PebbleEngine text = engine()
            .addEscapingStrategy(ONE_LINE, AlertTexts::headerSafe)
            .defaultEscapingStrategy(ONE_LINE)
            .build();

    /** {@code truceId} names the truce in the subject (an id, so header-safe); {@code file} is the file's label. */
    public ComposedDigest compose(String recipient, String truceId, String file, List<String> problems, Instant now,
                                  ZoneId zone) {
        String subject = AlertTexts.headerSafe("[truce] " + fileName(file) + " is invalid: alerts are paused ("
                + truceId + ")");
        Map<String, Object> context = Map.of(
                "subject", subject,
                "file", file,
                "at", AT.format(now.atZone(zone)),
                "problems", problems,
                "recipient", recipient);
        return new ComposedDigest(new Digest(recipient, List.of()), subject,
                render(text, "invalid-file.txt.peb", context), render(html, "invalid-file.html.peb", context));
    }

    /** The file's name only: its label may be a path, which is the reader's business, not the subject's. */
    private static String fileName(String label) {
        String name = label.substring(Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\')) + 1);
        return name.matches("[A-Za-z0-9._-]{1,100}") ? name : "the obligations file";
    }

    private static String render(PebbleEngine engine, String name, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(TEMPLATES + name).evaluate(out, context, Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static PebbleEngine.Builder engine() {
        return new PebbleEngine.Builder()
                .loader(new ClasspathLoader(InvalidFileComposer.class.getClassLoader()))
                .autoEscaping(true)
                .strictVariables(true)
                .newLineTrimming(false)
                .defaultLocale(Locale.ROOT);
    }
}
