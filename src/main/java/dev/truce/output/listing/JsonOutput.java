package dev.truce.output.listing;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** Pretty-printed JSON through Jackson's streaming generator (no reflection on the hot path). */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    public static JsonGenerator generator(Writer out) {
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
        return FACTORY.createGenerator(pretty, nonClosing(out));
    }

    /** Closing the generator must not close the command's stdout. */
    private static Writer nonClosing(Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void close() {
                flushQuietly();
            }

            private void flushQuietly() {
                try {
                    flush();
                } catch (java.io.IOException ignored) {
                    // stdout gone: nothing useful to do
                }
            }
        };
    }
}
