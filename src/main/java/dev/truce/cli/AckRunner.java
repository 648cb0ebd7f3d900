package dev.truce.cli;

import dev.truce.alert.Ack;
import dev.truce.app.AckService;
import java.io.PrintWriter;
import dev.truce.app.LedgerChoice;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Runs `truce ack` and `truce ack list` and prints them. */
final class AckRunner {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final PrintWriter out;
    private final TruceCommand root;
    private final LedgerChoice ledger;

    AckRunner(PrintWriter out, TruceCommand root, LedgerChoice ledger) {
        this.out = out;
        this.root = root;
        this.ledger = ledger;
    }

    int ack(String id, LocalDate until, String by, String reason) {
        Ack ack = new AckService(Readers.obligations(root.context()), Readers.evidence(root.context()),
                root.context().environment())
                .ack(root.file(), root.context().clock(), new AckService.Request(id, until, by, reason), ledger, this::notice);
        String silenced = until == null ? "until its compliance state (" + ack.state().label() + ") or deadline changes"
                : "through " + until + ", or until its compliance state (" + ack.state().label() + ") or deadline changes";
        out.println("acknowledged " + ack.obligationId() + " by " + Texts.oneLine(ack.by()) + ": alerts silenced " + silenced);
        return ExitCode.OK.code();
    }

    int list() {
        AckService.AckList list = new AckService(Readers.obligations(root.context()), Readers.evidence(root.context()),
                root.context().environment())
                .list(root.file(), root.context().clock(), ledger, this::notice);
        if (list.acks().isEmpty()) {
            out.println("No acks yet.");
            return ExitCode.OK.code();
        }
        TextTable table = new TextTable(List.of("acked", "obligation", "by", "until", "now", "reason"));
        for (AckService.AckLine line : list.acks()) {
            Ack ack = line.ack();
            table.add(List.of(cell(ack.ackedAt().atZone(list.zone()).format(AT)), cell(ack.obligationId()),
                    cell(ack.by()), cell(ack.untilDate() == null ? "a change" : ack.untilDate().toString()),
                    cell(line.liftedBy().map(why -> "lifted: " + why).orElse("in force")), cell(ack.reason())));
        }
        table.print(out);
        return ExitCode.OK.code();
    }

    private static TextTable.Cell cell(String text) {
        return TextTable.Cell.plain(Texts.oneLine(text));
    }

    private void notice(String line) {
        PrintWriter err = root.spec.commandLine().getErr();
        err.println("truce: " + line);
        err.flush();
    }
}
