package dev.truce.app;

import dev.truce.domain.Ack;
import dev.truce.alert.AlertRules;
import dev.truce.alert.Digest;
import dev.truce.alert.DigestItem;
import dev.truce.alert.Recipients;
import dev.truce.alert.SentAlert;
import dev.truce.alert.SentLog;
import dev.truce.alert.Trigger;
import dev.truce.alert.ledger.Ledger;
import dev.truce.alert.ledger.LedgerFailures;
import dev.truce.alert.ledger.LedgerLimits;
import dev.truce.alert.mail.DigestComposer;
import dev.truce.alert.mail.DigestMessage;
import dev.truce.alert.mail.SmtpMailer;
import dev.truce.alert.mail.SmtpSettings;
import dev.truce.alert.mail.SmtpSettingsResolver;
import dev.truce.app.AlertRunResult.Delivery;
import dev.truce.app.AlertRunResult.Outcome;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.config.TruceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * The alert run: what `truce alert` does from cron and what the daemon does on schedule; the same code.
 * Reads the file and the statuses (with compliance) through {@link StatusService}, asks {@link AlertRules}
 * what is due given the ledger, and sends one digest per recipient. Under the run lock: what is due is
 * decided, sent, and recorded per recipient only once the server accepted that recipient's message, so a
 * failed recipient is sent again by the next run and nobody gets an alert twice.
 */
public final class AlertService {
    private final TruceFiles files;
    private final Map<String, String> environment;
    private final SSLSocketFactory tls;

    public AlertService(TruceFiles files, Map<String, String> environment) {
        this(files, environment, null);
    }

    /** {@code tls}: trust for the SMTP server's certificate instead of the JVM's trust store (null keeps it). */
    public AlertService(TruceFiles files, Map<String, String> environment, SSLSocketFactory tls) {
        this.files = files;
        this.environment = Map.copyOf(environment);
        this.tls = tls;
    }

    public AlertRunResult run(FileRef file, Clock clock, AlertOptions options) {
        TruceFile truceFile = files.obligations(file);
        Register register = truceFile.register();
        // the same instant as the statuses' (AsOf truncates to seconds), so rules and statuses agree; a preview
        // --as-of a date sees the start of that day in the truce's zone, as status --as-of does
        Instant now = options.asOf().resolve(clock, register.truce().zone());
        StatusService statuses = new StatusService(files, Clock.fixed(now, ZoneOffset.UTC));
        requireRecipients(register, file);
        // through StatusService, so the statuses carry compliance exactly as `truce status` computes it
        StatusReport report = statuses.status(truceFile, AsOf.NOW, StatusFilter.ALL);
        List<ObligationStatus> rows = report.rows();
        if (report.evidence().blocked() != null) {
            // evidence_file leads where truce must not read: this version of the file is not to be acted on (nor
            // its recipients trusted), as if obligations.yaml were broken; the daemon tells the last good recipients
            throw TruceException.badInput(report.evidence().blocked() + "; no alerts are sent until it is fixed");
        }
        // the acks every clone shares; a broken entry is reported and never honoured (nor the acks it may have lifted)
        AckLog ackLog = files.acks(truceFile);
        if (ackLog.blocked() != null) {
            // acks_file leads where truce must not read: as with evidence_file, this version of the file is not acted on
            throw TruceException.badInput(ackLog.blocked() + "; no alerts are sent until it is fixed");
        }
        // a broken evidence entry never stops the deadline digest: it goes out, and says what is broken
        List<String> warnings = new ArrayList<>(report.evidence().warnings(true));
        warnings.addAll(ackLog.warnings(true));
        // what changed in the files since the last digest sent: a short section in each digest
        DigestChanges.Section changes = new DigestChanges(files).since(file, truceFile,
                options.stateDirectory() != null ? options.stateDirectory() : truceFile.stateDirectory(), now);
        DigestComposer composer = new DigestComposer(register, report.evidence().warnings(false))
                .withChanges(changes.lines());
        LedgerAccess.Location ledgerAt = LedgerAccess.locate(truceFile, options.ledger(), environment);
        SmtpSettingsResolver resolver = new SmtpSettingsResolver(environment, truceFile);
        if (!options.records()) {
            return preview(truceFile, rows, now, ledgerAt, resolver.fromOrFallback(truceFile.smtp()), options, composer,
                    ackLog).withWarnings(warnings);
        }
        SmtpSettings settings = resolver.resolve(truceFile.smtp(), options.timeout());
        String truceId = register.truce().id();
        AlertRunResult result = LedgerAccess.with(ledgerAt, options.notices(), ledger -> ledger.whileRunLocked(truceId,
                () -> options.notices().accept("another alert run for " + truceId + " is in progress; waiting for it"),
                () -> {
                    List<Ack> acks = inForce(ackLog, LedgerAcks.stillThere(ledger, truceFile), rows, now, options);
                    // an address the server refused for good waits for its back-off; the others go now
                    RefusedRecipients refused = RefusedRecipients.read(LedgerAccess.stateFolder(ledgerAt, truceFile), truceId);
                    List<Digest> digests = refused.due(new AlertRules(register).digests(rows, now,
                            new SentLog(ledger.sent(truceId)), acks), now);
                    AlertRunResult sent = digests.isEmpty() ? new AlertRunResult(List.of(), List.of())
                            : send(digests, composer, settings, ledger, now, refused);
                    refused.keepOnly(register.obligations().stream()
                            .flatMap(o -> Recipients.of(register.alerts(), o).stream()).toList());
                    refused.save(options.notices());
                    return sent;
                }));
        List<String> kept = DigestChanges.keepIfSent(changes, result);
        result = result.withWarnings(kept.isEmpty() ? warnings
                : java.util.stream.Stream.concat(warnings.stream(), kept.stream()).toList());
        if (!result.failed()) {
            AlertHeartbeat.beat(LedgerAccess.stateFolder(ledgerAt, truceFile), now, options.notices());
        }
        return result;
    }

    /**
     * Each recipient's digest in three durable steps: its alerts written as being sent, the message handed
     * to the server, the alerts recorded as sent. A ledger that cannot take the first write (a value too
     * long, a full disk, a database gone) stops the digest before it is sent, so nothing goes out that the
     * ledger cannot record; only a fault in the moment between sending and recording leaves a sent message
     * unrecorded, said loudly, and the next run sends it once more if the fault has passed.
     */
    private AlertRunResult send(List<Digest> digests, DigestComposer composer, SmtpSettings settings, Ledger ledger,
                                Instant now, RefusedRecipients refused) {
        List<Delivery> deliveries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (SmtpMailer mailer = new SmtpMailer(settings, tls)) {
            // all composed before any is sent: an address the mail library rejects stops the run with nothing sent
            List<DigestMessage> messages = digests.stream().map(digest -> DigestMessage.create(mailer.session(),
                    composer.compose(digest, now), settings.from(), now)).toList();
            for (int i = 0; i < messages.size(); i++) {
                DigestMessage message = messages.get(i);
                Digest digest = message.digest().digest();
                List<SentAlert> alerts = sentAlerts(digest, now, message.messageId());
                try {
                    ledger.prepare(alerts);
                } catch (SQLException e) {
                    if (LedgerLimits.TOO_LONG_STATE.equals(e.getSQLState())) {
                        deliveries.add(new Delivery(digest.recipient(), digest.obligationIds(), Outcome.FAILED,
                                "the ledger cannot record it: " + firstLine(e)));
                        continue;
                    }
                    List<String> unsent = digests.subList(i, digests.size()).stream().map(Digest::recipient).toList();
                    problems.add("the alert ledger cannot record anything (" + firstLine(e) + "); nothing sent to "
                            + String.join(", ", unsent) + " (the next run sends it)");
                    break;
                }
                try {
                    mailer.send(message);
                } catch (SmtpMailer.MailFailure failure) {
                    abandon(ledger, alerts, problems);
                    if (failure.affectsEveryone()) {
                        List<String> unsent = digests.subList(i, digests.size()).stream().map(Digest::recipient).toList();
                        problems.add(failure.getMessage() + "; nothing sent to " + String.join(", ", unsent)
                                + " (the next run sends it)");
                        break;
                    }
                    deliveries.add(failure.permanent() ? new Delivery(digest.recipient(), digest.obligationIds(),
                            Outcome.REFUSED, RefusedRecipients.said(refused.refused(digest.recipient(), failure.getMessage(), now)))
                            : new Delivery(digest.recipient(), digest.obligationIds(), Outcome.FAILED, failure.getMessage()));
                    continue;
                }
                try {
                    refused.delivered(digest.recipient());
                    ledger.confirm(alerts);
                    deliveries.add(new Delivery(digest.recipient(), digest.obligationIds(), Outcome.SENT,
                            message.messageId()));
                } catch (SQLException e) {
                    problems.add("sent to " + digest.recipient() + " (" + String.join(", ", digest.obligationIds())
                            + ") but the ledger could not record it: " + firstLine(e) + "; if the next run finds the "
                            + "ledger working it sends this once more");
                }
            }
        }
        return new AlertRunResult(deliveries, problems);
    }

    /** The message did not go out: its alerts are not being sent. If even this fails, the next run clears them. */
    private static void abandon(Ledger ledger, List<SentAlert> alerts, List<String> problems) {
        try {
            ledger.abandon(alerts);
        } catch (SQLException e) {
            problems.add("the alert ledger failed: " + firstLine(e));
        }
    }

    private static String firstLine(SQLException e) {
        return LedgerFailures.describe(e);
    }

    private static List<SentAlert> sentAlerts(Digest digest, Instant now, String messageId) {
        List<SentAlert> alerts = new ArrayList<>();
        for (DigestItem item : digest.items()) {
            for (Trigger trigger : item.triggers()) {
                alerts.add(new SentAlert(trigger.key(), digest.recipient(), now, messageId));
            }
        }
        return alerts;
    }

    /**
     * The acks in force now: the file's, and those the ledger still holds from before the file (honoured until a
     * person carries them over, which an alert run, from cron or the daemon, never does), said once per run.
     */
    private static List<Ack> inForce(AckLog ackLog, List<Ack> stillInLedger, List<ObligationStatus> rows, Instant now,
                                     AlertOptions options) {
        if (!stillInLedger.isEmpty()) {
            options.notices().accept(LedgerAcks.notCarried(stillInLedger.size(), ackLog.label()));
        }
        return List.copyOf(ackLog.acks().plus(stillInLedger).inForce(rows, now).values());
    }

    /** --dry-run and --out: the same digests, printed or written; the ledger is read if it exists, never written. */
    private AlertRunResult preview(TruceFile truceFile, List<ObligationStatus> rows, Instant now,
                                   LedgerAccess.Location ledgerAt, String from, AlertOptions options,
                                   DigestComposer composer, AckLog ackLog) {
        Register register = truceFile.register();
        String truceId = register.truce().id();
        // as of another moment: what had been sent and acked by then (all of it, for a moment ahead)
        Known known = LedgerAccess.readIfExists(ledgerAt, options.notices(), Known.NOTHING,
                ledger -> new Known(new SentLog(ledger.sent(truceId).stream().filter(a -> !a.sentAt().isAfter(now))
                        .toList()), LedgerAcks.stillThere(ledger, truceFile)));
        List<Digest> digests = new AlertRules(register).digests(rows, now, known.sent(),
                inForce(ackLog, known.acks(), rows, now, options));
        List<Delivery> deliveries = new ArrayList<>();
        for (Digest digest : digests) {
            DigestMessage message = DigestMessage.create(composer.compose(digest, now), from, now);
            String detail = options.mode() == AlertOptions.Mode.PRINT ? message.preview()
                    : write(message, options.outDirectory());
            deliveries.add(new Delivery(digest.recipient(), digest.obligationIds(),
                    options.mode() == AlertOptions.Mode.PRINT ? Outcome.PRINTED : Outcome.WRITTEN, detail));
        }
        return new AlertRunResult(deliveries, List.of());
    }

    private static String write(DigestMessage message, Path directory) {
        Path file = directory.resolve(message.digest().recipient().replaceAll("[^A-Za-z0-9@._+-]", "_") + ".eml");
        try {
            Files.createDirectories(directory);
            // a digest names people and what they are told: readable by its owner only, as the ledger
            Files.deleteIfExists(file);
            try (OutputStream out = Files.newOutputStream(Files.createFile(file, ownerOnly()))) {
                message.writeTo(out);
            }
            return file.toString();
        } catch (IOException e) {
            throw TruceException.failure("--out: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** What was sent for the truce, oldest first, optionally for one obligation. */
    public HistoryReport history(FileRef file, String obligationId, LedgerChoice ledgerChoice,
                                 Consumer<String> notices) {
        TruceFile truceFile = files.obligations(file);
        Register register = truceFile.register();
        if (obligationId != null) {
            register.require(obligationId);
        }
        List<SentAlert> sent = LedgerAccess.readIfExists(LedgerAccess.locate(truceFile, ledgerChoice, environment),
                notices, List.of(),
                ledger -> ledger.history(register.truce().id(), obligationId));
        return new HistoryReport(register.truce().zone(), sent);
    }

    /**
     * Whether alerts can be sent from this file as it is: someone to alert and complete SMTP
     * settings. The daemon asks at start, so a set-up mistake stops it at once (bad input) instead
     * of being found at the first fire.
     */
    public void checkSending(FileRef file, TruceFile truceFile) {
        requireRecipients(truceFile.register(), file);
        new SmtpSettingsResolver(environment, truceFile).resolve(truceFile.smtp(), null);
    }

    private static void requireRecipients(Register register, FileRef file) {
        boolean anyone = register.obligations().stream()
                .anyMatch(o -> !Recipients.of(register.alerts(), o).isEmpty());
        if (!anyone && !register.obligations().isEmpty()) {
            throw TruceException.badInput(file.label() + ": nobody to alert: add alerts.recipients, or an owner or "
                    + "recipients to the obligations");
        }
    }

    private record Known(SentLog sent, List<Ack> acks) {
        static final Known NOTHING = new Known(SentLog.EMPTY, List.of());
    }
}
