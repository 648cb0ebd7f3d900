package dev.truce.app;

import dev.truce.domain.Acks;
import dev.truce.yaml.EntryFileReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The acks file as read: the acks it holds ({@link Acks}: a broken entry is reported and never honoured, and the
 * acks of the obligation it names are not honoured either, since it may have been a lift; none at all when a broken
 * part names no obligation), how the read went, and the file's name in messages. {@code blocked} says why nothing
 * could be read (acks_file leads somewhere it must not).
 */
public record AckLog(String label, EntryFileReader.Read read, Acks acks, String blocked) {
    static AckLog blocked(String label, String why) {
        return new AckLog(label, EntryFileReader.Read.NONE, Acks.NONE, why);
    }

    public boolean ok() {
        return blocked == null && read.clean();
    }

    /** One line per problem, then what it means for the acks; {@code forPerson}: a terminal, else mail or a log. */
    public List<String> warnings(boolean forPerson) {
        List<String> lines = new ArrayList<>();
        if (blocked != null) {
            lines.add(blocked);
            lines.add(label + ": not read, so no ack is honoured");
            return lines;
        }
        if (!read.clean()) {
            lines.addAll(read.lines(label, forPerson));
            lines.add(label + ": " + summary());
        }
        return lines;
    }

    /** "1 problem; the acks of cn-x are not honoured (truce validate lists the problems)". */
    public String summary() {
        int bad = read.problems().size() + read.dropped();
        String head = bad == 1 ? "1 problem" : bad + " problems";
        String whose = acks.unattributed() ? "some of it cannot be tied to an obligation, so no ack is honoured"
                : "the acks of " + String.join(", ", acks.unreadable().stream().sorted().toList()) + " are not honoured";
        return head + "; " + whose + " (truce validate lists the problems)";
    }
}
