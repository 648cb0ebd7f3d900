package dev.truce.app;

import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Ack;
import dev.truce.domain.AckEntry;
import dev.truce.domain.AckLift;
import dev.truce.domain.Acks;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.yaml.EntryAppender;
import dev.truce.yaml.spec.AckSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * `truce ack`: silence an obligation's alerts, lift an ack, and list every ack ever given (the audit trail). Acks
 * are appended to the acks file beside obligations.yaml (acks.yaml, or acks_file), which the desk keeps in git, so
 * every clone, the cron host and the daemon honour the same acks. Acks still in the alert ledger from before are
 * carried over first ({@link LedgerAcks}).
 */
public final class AckService {
    private final TruceFiles files;
    private final Map<String, String> environment;

    /** {@code environment}: the cluster database's credentials, to carry over acks a cluster's ledger still holds. */
    public AckService(TruceFiles files, Map<String, String> environment) {
        this.files = files;
        this.environment = Map.copyOf(environment);
    }

    /** A request to acknowledge; {@code until} is the last day silenced (in the truce zone), or null. */
    public record Request(String obligationId, LocalDate until, String by, String reason) {
    }

    /** A request to lift the ack in force; {@code reason} may be null. */
    public record Lift(String obligationId, String by, String reason) {
    }

    /** What was written: the entry, and the file it went to (as named in messages). */
    public record Written<T>(T entry, String fileLabel, boolean created) {
    }

    /** An ack and, if it no longer silences anything, why not. */
    public record AckLine(Ack ack, Optional<String> liftedBy) {
        public boolean inForce() {
            return liftedBy.isEmpty();
        }
    }

    public record AckList(ZoneId zone, String fileLabel, List<AckLine> acks) {
        public AckList {
            acks = List.copyOf(acks);
        }
    }

    public Written<Ack> ack(FileRef file, Clock clock, Request request, LedgerChoice ledgerChoice,
                            Consumer<String> notices, AppendListener listener) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TruceFile truceFile = files.obligations(file);
        Register register = truceFile.register();
        ZoneId zone = register.truce().zone();
        Obligation obligation = register.require(request.obligationId());
        String by = requireBy(request.by());
        String reason = requireText("--reason", request.reason(), AckSpec.MAX_REASON);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (request.until() != null && request.until().isBefore(today)) {
            throw TruceException.badInput("--until: " + request.until() + " is in the past (today is " + today
                    + " in " + zone + ")");
        }
        LogLocation location = files.locateAcks(truceFile);
        carryOver(truceFile, ledgerChoice, notices, listener);
        ObligationStatus status = statuses(file, now).get(obligation.id());
        Ack ack = new Ack(register.truce().id(), obligation.id(), now, by, reason, request.until(),
                request.until() == null ? null : Moment.ofDate(request.until()).end(zone),
                status.compliance().state(), status.deadlineInstant().orElse(null));
        return new Written<>(ack, location.label(), append(truceFile, location, ack, listener));
    }

    /** Appends a lift of the ack in force for the obligation; refused (bad input) when none is in force. */
    public Written<AckLift> lift(FileRef file, Clock clock, Lift request, LedgerChoice ledgerChoice,
                                 Consumer<String> notices, AppendListener listener) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TruceFile truceFile = files.obligations(file);
        Obligation obligation = truceFile.register().require(request.obligationId());
        String by = requireBy(request.by());
        String reason = request.reason() == null ? null : requireText("--reason", request.reason(), AckSpec.MAX_REASON);
        LogLocation location = files.locateAcks(truceFile);
        carryOver(truceFile, ledgerChoice, notices, listener);
        ObligationStatus status = statuses(file, now).get(obligation.id());
        if (files.acks(truceFile).acks().inForce(List.of(status), now).isEmpty()) {
            throw TruceException.badInput("no ack of " + obligation.id() + " is in force, so there is nothing to lift "
                    + "(truce ack list shows every ack and why it no longer holds)");
        }
        AckLift lift = new AckLift(obligation.id(), now, by, reason);
        return new Written<>(lift, location.label(), append(truceFile, location, lift, listener));
    }

    /** Appends the entry as text, locked; true when that created the file. */
    private boolean append(TruceFile truceFile, LogLocation location, AckEntry entry, AppendListener listener) {
        return new EntryAppender(files.logReader()).append(location.path(), files.ackBinding(truceFile, location),
                entry, AppendListener.forAppender(listener)).created();
    }

    public AckList list(FileRef file, Clock clock, LedgerChoice ledgerChoice, Consumer<String> notices) {
        Instant now = clock.instant();
        TruceFile truceFile = files.obligations(file);
        carryOver(truceFile, ledgerChoice, notices, AppendListener.NONE);
        AckLog log = files.acks(truceFile);
        if (!log.ok()) {
            log.warnings(true).forEach(line -> notices.accept("warning: " + line));
        }
        Acks acks = log.acks();
        ZoneId zone = truceFile.register().truce().zone();
        Map<String, ObligationStatus> statuses = statuses(file, now);
        List<AckLine> lines = acks.given().stream().map(ack -> new AckLine(ack,
                Optional.ofNullable(statuses.get(ack.obligationId()))
                        .map(status -> acks.liftedBy(ack, status, now, zone))
                        .orElse(Optional.of("no longer in " + file.label())))).toList();
        return new AckList(zone, log.label(), lines);
    }

    private void carryOver(TruceFile truceFile, LedgerChoice ledgerChoice, Consumer<String> notices,
                           AppendListener listener) {
        LedgerAcks.carryOver(files, truceFile, LedgerAccess.locate(truceFile, ledgerChoice, environment), notices,
                listener);
    }

    /** Through StatusService, so the compliance state recorded is the one alerts compare against. */
    private Map<String, ObligationStatus> statuses(FileRef file, Instant now) {
        return new StatusService(files, Clock.fixed(now, ZoneOffset.UTC)).status(file, AsOf.NOW, StatusFilter.ALL)
                .rows().stream().collect(Collectors.toMap(ObligationStatus::id, Function.identity()));
    }

    private static String requireBy(String by) {
        if (by == null) {
            throw TruceException.badInput("--by: not given, and neither $LOGNAME nor the account's user name is known; "
                    + "say who acknowledges with --by NAME");
        }
        String name = requireText("--by", by, AckSpec.MAX_BY);
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw TruceException.badInput("--by: must be one line (a name, shown in tables)");
        }
        return name;
    }

    private static String requireText(String option, String value, int max) {
        if (value == null || value.isBlank()) {
            throw TruceException.badInput(option + ": must not be empty (the acks are an audit trail)");
        }
        String text = value.strip();
        if (text.length() > max) {
            throw TruceException.badInput(option + ": " + text.length() + " characters, more than the " + max
                    + " an ack holds; say it shorter");
        }
        return text;
    }
}
