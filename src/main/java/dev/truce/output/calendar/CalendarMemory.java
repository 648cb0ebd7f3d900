package dev.truce.output.calendar;

import dev.truce.output.calendar.CalendarSequences.Emitted;
import dev.truce.state.StateFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The calendar as last emitted, per UID (sequence, deadline, summary), kept in the state folder so the next
 * calendar can tell a moved deadline from an unchanged one. Unreadable memory is forgotten, never fatal: the
 * worst case is a sequence that does not rise once.
 */
public final class CalendarMemory {
    public static final String FILE_NAME = "calendar.properties";

    private final Path file;

    public CalendarMemory(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE_NAME);
    }

    public Map<String, Emitted> load() {
        Map<String, Emitted> emitted = new LinkedHashMap<>();
        try {
            String text = StateFiles.read(file).orElse("");
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            for (String uid : properties.stringPropertyNames()) {
                String[] parts = properties.getProperty(uid).split("\t", 3);
                if (parts.length == 3 && parts[0].matches("\\d{1,9}")) {
                    emitted.put(uid, new Emitted(Integer.parseInt(parts[0]), parts[1], parts[2]));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        return emitted;
    }

    /** Throws UncheckedIOException when the state folder cannot be written. */
    public void save(Map<String, Emitted> emitted) {
        Properties properties = new Properties();
        new TreeMap<>(emitted).forEach((uid, e) -> properties.setProperty(uid, e.sequence() + "\t" + e.deadline() + "\t" + e.summary()));
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "truce: the calendar as last emitted (uid = sequence, deadline, summary)");
            StateFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
