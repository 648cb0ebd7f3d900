package dev.truce.output.briefing;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Renders the briefing as one self-contained HTML page: inline CSS and SVG, no scripts, fonts,
 * images or links to fetch, so it opens the same offline, in a mail attachment or on paper.
 * Pebble escapes every value for HTML, so a title with markup or a line break is shown as text.
 */
public final class BriefingPage {
    private static final String TEMPLATE = "dev/truce/output/briefing/briefing.peb";

    private final PebbleTemplate template;

    public BriefingPage() {
        ClasspathLoader loader = new ClasspathLoader(BriefingPage.class.getClassLoader());
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true) // a misspelt field fails the build's tests instead of printing nothing
                .cacheActive(false)
                .build();
        this.template = engine.getTemplate(TEMPLATE);
    }

    public void render(BriefingView view, Writer out) {
        try {
            template.evaluate(out, Map.of("v", view));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
