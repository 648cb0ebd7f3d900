package dev.truce.app;

import dev.truce.yaml.EntryFileReader;
import java.util.ArrayList;
import java.util.List;

/**
 * How the read of the evidence file went, for the commands that go on when it is partly broken: which
 * obligations' compliance cannot be told, and the warnings to show (on stderr, at the top of a digest or a
 * briefing). {@code blocked} says why nothing could be read at all (evidence_file leads somewhere it must
 * not); {@code missing}: obligations.yaml names an evidence file that does not exist.
 */
public record EvidenceHealth(String label, EntryFileReader.Read read, String blocked, boolean missing) {
    public static EvidenceHealth of(String label, EntryFileReader.Read read, boolean missing) {
        return new EvidenceHealth(label, read, null, missing);
    }

    public static EvidenceHealth blocked(String label, String why) {
        return new EvidenceHealth(label, EntryFileReader.Read.NONE, why, false);
    }

    public boolean ok() {
        return blocked == null && !missing && read.clean();
    }

    /** Whether the compliance of {@code obligation} cannot be told from what could be read. */
    public boolean isBroken(String obligation) {
        return blocked != null || read.isBroken(obligation);
    }

    /**
     * One line per problem, then what it means; {@code forPerson}: a terminal (a short snippet of what was typed
     * may be shown), else mail or a log (none is).
     */
    public List<String> warnings(boolean forPerson) {
        List<String> lines = new ArrayList<>();
        if (blocked != null) {
            lines.add(blocked);
            lines.add(label + ": not read, so the compliance of every obligation is unknown");
            return lines;
        }
        if (missing) {
            lines.add(label + ": evidence_file names a file that does not exist: no evidence was read "
                    + "(create it with truce evidence add, or correct evidence_file)");
        }
        if (!read.clean()) {
            lines.addAll(read.lines(label, forPerson));
            lines.add(label + ": " + summary());
        }
        return lines;
    }

    /** "2 entries could not be read; compliance unknown for cn-x, us-y" (or every obligation). */
    public String summary() {
        if (blocked != null) {
            return "not read (evidence_file is refused), so the compliance of every obligation is unknown and no "
                    + "alerts are sent (truce validate says why)";
        }
        if (missing && read.clean()) {
            return "evidence_file names a file that does not exist: no evidence was read";
        }
        int bad = read.problems().size() + read.dropped();
        String head = bad == 1 ? "1 problem" : bad + " problems";
        if (read.unattributed()) {
            return head + "; some of it cannot be tied to an obligation, so the compliance of every obligation is "
                    + "shown as unknown (truce validate lists the problems)";
        }
        return head + "; compliance unknown for " + String.join(", ", read.broken().stream().sorted().toList())
                + " (truce validate lists the problems)";
    }
}
