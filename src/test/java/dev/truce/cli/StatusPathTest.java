package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * `truce status` must stay fast: it loads no mail, template, calendar, database or git class, nor the alert
 * or output code. The command runs in a fresh class loader that records every class it is asked for.
 */
class StatusPathTest {
    private static final List<String> FORBIDDEN = List.of("jakarta.mail.", "org.eclipse.angus.", "jakarta.activation.",
            "io.pebbletemplates.", "org.h2.", "org.flywaydb.", "dev.truce.alert.", "dev.truce.app.Alert", "dev.truce.app.AckService",
            "dev.truce.app.LedgerAcks",
            "dev.truce.app.LedgerAccess", "dev.truce.cli.AlertRunner", "dev.truce.cli.AckRunner",
            // the desk outputs: iCalendar and the briefing (the listings in output.listing are status's own)
            "net.fortuna.", "org.threeten.extra.", "dev.truce.output.calendar.", "dev.truce.output.briefing.",
            // the files' git history, for truce changes
            "org.eclipse.jgit.", "dev.truce.history.", "dev.truce.app.Changes");

    @Test
    void statusLoadsNoMailTemplateOrDatabaseClass() throws Exception {
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        URL[] classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (URLClassLoader fresh = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> context = fresh.loadClass("dev.truce.cli.Context");
            Object ctx = context.getConstructor(Clock.class, Map.class, Path.class)
                    .newInstance(Clock.fixed(Instant.parse("2026-06-23T11:00:00Z"), ZoneOffset.UTC), Map.of(), Path.of(""));
            Method run = fresh.loadClass("dev.truce.cli.Cli").getMethod("run", context, PrintWriter.class,
                    PrintWriter.class, String[].class);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path shipped = Path.of("obligations.yaml").toAbsolutePath();
            int code = (int) run.invoke(null, ctx, new PrintWriter(out), new PrintWriter(err),
                    new String[] {"status", "-f", shipped.toString()});
            assertEquals(0, code, err::toString);
            assertTrue(loaded.contains("dev.truce.cli.StatusCommand"), "the recorder sees the status path");
            assertFalse(loaded.contains("dev.truce.cli.AlertCommand"), "only the named command's class is loaded");
        }
        List<String> heavy = loaded.stream().filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).sorted().toList();
        assertEquals(List.of(), heavy);
    }
}
