package dev.truce.app;

import dev.truce.alert.ledger.EmbeddedLedger;
import dev.truce.alert.ledger.Ledger;
import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Ack;
import dev.truce.domain.TruceException;
import dev.truce.yaml.EntryAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The acks of truce 0.2 and earlier, which lived in the alert ledger (the embedded one, or the cluster's
 * PostgreSQL) with a copy in the state folder ({@value #OLD_COPY}). They are carried over once into the acks
 * file by the commands a person runs about acks (`ack`, `ack lift`, `ack list`): appended as text like any ack,
 * then deleted from the ledger, both under the ledger's run lock; an ack already in the file is not appended
 * again, so a crash between the two steps never doubles one. Until then the alert runs honour them as they are
 * (and say so), so an upgrade never un-silences an ack; cron and the daemon never write to the acks file.
 */
final class LedgerAcks {
    /** The copy of the ledger's acks that truce 0.2 kept in the state folder for status and check. */
    static final String OLD_COPY = "acks.properties";

    private LedgerAcks() {
    }

    /** The acks still in the ledger, to honour during an alert run that holds the run lock. */
    static List<Ack> stillThere(Ledger ledger, TruceFile truceFile) throws java.sql.SQLException {
        return ledger.storedAcks(truceFile.register().truce().id()).stream()
                .map(stored -> asTheFileHoldsIt(stored.ack(), truceFile)).toList();
    }

    /** What an alert run says while the ledger still holds acks: once per run, on stderr (cron mails it). */
    static String notCarried(int count, String acksLabel) {
        return "warning: the alert ledger still holds " + (count == 1 ? "1 ack" : count + " acks") + " made before "
                + acksLabel + "; they are honoured, but status and check do not see them: run truce ack list once "
                + "to carry them over into " + acksLabel + ", then commit it";
    }

    /**
     * Carries the ledger's acks of the truce over into the acks file, once; says on {@code notices} what it did.
     * A ledger that cannot be read is told as a warning and left for the next time: the acks file is the truth now.
     */
    static void carryOver(TruceFiles files, TruceFile truceFile, LedgerAccess.Location location,
                          Consumer<String> notices, AppendListener listener) {
        if (location.cluster() == null && !EmbeddedLedger.exists(location.state())) {
            forgetOldCopy(truceFile, location, notices);
            return;
        }
        String truceId = truceFile.register().truce().id();
        try {
            LedgerAccess.with(location, notices, ledger -> ledger.whileRunLocked(truceId,
                    () -> notices.accept("an alert run for " + truceId + " is in progress; waiting for it"), () -> {
                        List<Ledger.StoredAck> stored = ledger.storedAcks(truceId);
                        if (!stored.isEmpty()) {
                            move(files, truceFile, stored, listener, notices, location);
                            // the highest row id read: the rows are in the order given, not the order stored
                            ledger.forgetAcks(truceId, stored.stream().mapToLong(Ledger.StoredAck::id).max().orElseThrow());
                        }
                        return null;
                    }));
        } catch (TruceException e) {
            notices.accept("warning: acks made before the acks file may still be in the alert ledger, which could not "
                    + "be read: " + e.getMessage());
            return;
        }
        forgetOldCopy(truceFile, location, notices);
    }

    private static void move(TruceFiles files, TruceFile truceFile, List<Ledger.StoredAck> stored,
                             AppendListener listener, Consumer<String> notices, LedgerAccess.Location location) {
        LogLocation acksAt = files.locateAcks(truceFile);
        AckLog log = files.acks(truceFile);
        Set<String> inFile = new HashSet<>();
        log.acks().given().forEach(ack -> inFile.add(key(ack)));
        List<Ack> known = stored.stream().map(s -> asTheFileHoldsIt(s.ack(), truceFile))
                .filter(ack -> truceFile.register().find(ack.obligationId()).isPresent()).toList();
        List<Ack> missing = known.stream().filter(ack -> !inFile.contains(key(ack))).toList();
        if (!missing.isEmpty()) {
            new EntryAppender(files.logReader()).appendAll(acksAt.path(), files.ackBinding(truceFile, acksAt), missing,
                    AppendListener.forAppender(listener));
        }
        notices.accept("carried " + (stored.size() == 1 ? "1 ack" : stored.size() + " acks") + " over from the alert "
                + "ledger " + (location.cluster() != null ? "in the cluster database" : "in " + location.state())
                + " into " + acksAt.label() + " (once; the ledger keeps only what was sent): commit " + acksAt.label()
                + " and push it, so that every clone, the cron host and the daemons honour them"
                + (known.size() < stored.size() ? "; " + (stored.size() - known.size()) + " of them, about obligations "
                        + "no longer in " + truceFile.label() + ", silenced nothing and were dropped" : ""));
    }

    /**
     * An ack made before the acks file, as the file holds it: its time to the second, its name on one line, the end
     * of its `until` day in the truce's zone of today.
     */
    private static Ack asTheFileHoldsIt(Ack ack, TruceFile truceFile) {
        java.time.ZoneId zone = truceFile.register().truce().zone();
        return new Ack(ack.truceId(), ack.obligationId(), ack.ackedAt().truncatedTo(ChronoUnit.SECONDS),
                ack.by().replaceAll("[\\r\\n]+", " ").strip(), ack.reason(), ack.untilDate(),
                ack.untilDate() == null ? null : dev.truce.domain.Moment.ofDate(ack.untilDate()).end(zone), ack.state(),
                ack.deadline());
    }

    private static String key(Ack ack) {
        return String.join("\u0000", ack.obligationId(), ack.ackedAt().toString(), ack.by(),
                Objects.toString(ack.reason()));
    }

    /** The state folders' copies that truce 0.2 kept: nothing reads them any more. */
    private static void forgetOldCopy(TruceFile truceFile, LedgerAccess.Location location, Consumer<String> notices) {
        for (Path folder : new HashSet<>(List.of(truceFile.stateDirectory(), LedgerAccess.stateFolder(location, truceFile)))) {
            try {
                Files.deleteIfExists(folder.resolve(OLD_COPY));
            } catch (IOException e) {
                notices.accept("warning: cannot delete " + folder.resolve(OLD_COPY) + ", which nothing reads any more: "
                        + e.getMessage());
            }
        }
    }
}
