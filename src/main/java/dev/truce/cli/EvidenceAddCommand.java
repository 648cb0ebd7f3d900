package dev.truce.cli;

import dev.truce.app.EvidenceAdded;
import dev.truce.app.EvidenceDraft;
import dev.truce.app.EvidenceService;
import dev.truce.domain.Basis;
import dev.truce.domain.Moment;
import dev.truce.domain.Stance;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Appends one entry to the evidence file, as text: what is in the file stays as it is.",
            "The entry is checked first (and its id against obligations.yaml); a bad one is refused with exit 2."},
        footerHeading = "%nExample:%n",
        footer = {"  truce evidence add cn-rare-earth-licensing --stance breaches \\",
            "      --claimant US --basis statement --source \"USTR statement\" \\",
            "      --date 2025-05-30 --note \"slow-rolling licences\""})
final class EvidenceAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", completionCandidates = ObligationIdCandidates.class,
            description = "The obligation's id (truce status lists them).")
    String id;

    @Option(names = "--stance", required = true, paramLabel = "STANCE", converter = LabelConverter.StanceConverter.class,
            description = "What the claimant says: complies, breaches, partial or unclear.")
    Stance stance;

    @Option(names = "--claimant", required = true, paramLabel = "WHO", converter = EvidenceConverters.NameConverter.class,
            description = "Who says it: a party (US, CN) or a third party (\"EU Chamber\", desk).")
    String claimant;

    @Option(names = "--basis", required = true, paramLabel = "BASIS", converter = LabelConverter.BasisConverter.class,
            description = "What it rests on: act, data, statement or report.")
    Basis basis;

    @Option(names = "--source", required = true, paramLabel = "TEXT", converter = EvidenceConverters.TextConverter.class,
            description = "The publisher or instrument.")
    String source;

    @Option(names = "--date", paramLabel = "DATE|DATETIME", converter = AsOfOption.MomentConverter.class,
            description = "When it happened: a date or a date-time with offset (default: today in the truce zone).")
    Moment date;

    @Option(names = "--url", paramLabel = "URL", converter = EvidenceConverters.UrlConverter.class,
            description = "Where to read it (http or https).")
    String url;

    @Option(names = "--note", paramLabel = "TEXT", converter = EvidenceConverters.TextConverter.class,
            description = "Anything else; say \"unconfirmed: ...\" where a fact has no primary text.")
    String note;

    @Option(names = "--amount", paramLabel = "AMOUNT", converter = EvidenceConverters.AmountConverter.class,
            description = "For a purchase with a target: the claimant's cumulative figure to date, in the target's "
                    + "unit (e.g. 0.332 for 332,000 t when the target is in MMT).")
    java.math.BigDecimal amount;

    @Option(names = "--by", paramLabel = "NAME", converter = EvidenceConverters.NameConverter.class,
            description = "Who records it (default: $LOGNAME, else the user name of this account).")
    String by;

    @Option(names = "--force", description = "Record it even if the file already has the same claim (same obligation, "
            + "date, claimant and source).")
    boolean force;

    @Override
    public Integer call() {
        TruceCommand root = TruceCommand.root(spec);
        // the service checks the id first, then says --by is needed
        String recordedBy = by != null ? by : root.context().userName().orElse(null);
        EvidenceService service = root.services().evidence();
        EvidenceAdded added = service.add(root.file(),
                new EvidenceDraft(id, date, stance, claimant, basis, source, url, note, recordedBy, amount, force),
                AppendLock.listener(root, spec.commandLine().getErr(), "truce evidence add"));
        PrintWriter out = spec.commandLine().getOut();
        out.println((added.created() ? "Created " + added.fileLabel() + " and recorded:" : "Recorded in " + added.fileLabel() + ":"));
        added.text().lines().forEach(out::println);
        if (added.dateByDefault()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("truce evidence add: no --date given: dated today, " + added.evidence().date().iso()
                    + " (give --date for the day it happened)");
            err.flush();
        }
        return ExitCode.OK.code();
    }
}
