package dev.truce.schedule;

import java.util.List;

/** What one fire of the alert job came to, for the log line and for deciding whether to retry. */
public sealed interface FireOutcome {
    /** The one-line account of the fire: what was sent, or what went wrong. */
    String summary();

    /** The alerts ran: {@code summary} says what was sent (possibly nothing new). */
    record Done(String summary) implements FireOutcome {
    }

    /**
     * A file could not be read: {@code problems} are its file:line:col lines. Retrying before the
     * next fire would only repeat them; a person has to edit the file.
     */
    record InvalidFile(List<String> problems, String summary) implements FireOutcome {
        public InvalidFile {
            problems = List.copyOf(problems);
        }
    }

    /** Something that may pass (the mail server or database was unreachable): try again after a backoff. */
    record Failed(String summary) implements FireOutcome {
    }
}
