package dev.truce.cli;

import dev.truce.app.EvidenceHealth;
import dev.truce.app.StatusReport;
import java.io.PrintWriter;

/** What a command read but could not fully use, said on stderr: the output on stdout stays clean for pipes. */
final class Warnings {
    private Warnings() {
    }

    static void print(PrintWriter err, StatusReport report) {
        report.fileWarnings().forEach(w -> err.println("truce: warning: " + Texts.oneLine(w)));
        print(err, report.evidence());
        if (report.review().overdue()) {
            err.println("truce: warning: " + Texts.oneLine(report.review().file()) + " was last reviewed on "
                    + report.review().reviewed().orElseThrow()
                    + ", " + report.review().daysAgo() + " days ago (review_every_days: " + report.review().everyDays()
                    + "); check it against the sources and update `reviewed:`");
        }
        err.flush();
    }

    static void print(PrintWriter err, EvidenceHealth health) {
        for (String line : health.warnings(true)) {
            err.println("truce: warning: " + line);
        }
        err.flush();
    }
}
