package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.app.EvidenceHealth;
import dev.truce.app.StatusReport;
import java.io.PrintWriter;

/** What a command read but could not fully use, said on stderr: the output on stdout stays clean for pipes. */
public final class Warnings {
    private Warnings() {
    }

    public static void print(PrintWriter err, StatusReport report) {
        report.fileWarnings().forEach(w -> err.println("truce: warning: " + Phrases.oneLine(w)));
        print(err, report.evidence());
        if (report.review().overdue()) {
            err.println("truce: warning: " + Phrases.oneLine(report.review().file()) + " was last reviewed on "
                    + report.review().reviewed().orElseThrow()
                    + ", " + report.review().daysAgo() + " days ago (review_every_days: " + report.review().everyDays()
                    + "); check it against the sources and update `reviewed:`");
        }
        err.flush();
    }

    public static void print(PrintWriter err, EvidenceHealth health) {
        for (String line : health.warnings(true)) {
            err.println("truce: warning: " + line);
        }
        err.flush();
    }
}
