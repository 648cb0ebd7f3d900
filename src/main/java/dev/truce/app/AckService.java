package dev.truce.app;

import dev.truce.domain.Ack;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.config.TruceFile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** `truce ack`: silence an obligation's alerts, and list every ack ever given (the audit trail). */
public final class AckService {
    private final TruceFiles files;
    private final Map<String, String> environment;

    /** {@code environment}: the cluster database's credentials when the file has daemon.cluster. */
    public AckService(TruceFiles files, Map<String, String> environment) {
        this.files = files;
        this.environment = Map.copyOf(environment);
    }

    /** A request to acknowledge; {@code until} is the last day silenced (in the truce zone), or null. */
    public record Request(String obligationId, LocalDate until, String by, String reason) {
    }

    /** An ack and, if it no longer silences anything, why not. */
    public record AckLine(Ack ack, Optional<String> liftedBy) {
        public boolean inForce() {
            return liftedBy.isEmpty();
        }
    }

    public record AckList(ZoneId zone, List<AckLine> acks) {
        public AckList {
            acks = List.copyOf(acks);
        }
    }

    public Ack ack(FileRef file, Clock clock, Request request, LedgerChoice ledgerChoice, Consumer<String> notices) {
        Instant now = clock.instant();
        TruceFile truceFile = files.obligations(file);
        Register register = truceFile.register();
        ZoneId zone = register.truce().zone();
        Obligation obligation = register.require(request.obligationId());
        requireText("--by", request.by());
        requireText("--reason", request.reason());
        LocalDate today = now.atZone(zone).toLocalDate();
        if (request.until() != null && request.until().isBefore(today)) {
            throw TruceException.badInput("--until: " + request.until() + " is in the past (today is " + today
                    + " in " + zone + ")");
        }
        ObligationStatus status = statusOf(file, now, obligation.id());
        Ack ack = new Ack(register.truce().id(), obligation.id(), now, request.by().strip(), request.reason().strip(),
                request.until(), request.until() == null ? null : Moment.ofDate(request.until()).end(zone),
                status.compliance().state(), status.deadlineInstant().orElse(null));
        LedgerAccess.Location location = LedgerAccess.locate(truceFile, ledgerChoice, environment);
        List<Ack> all = LedgerAccess.with(location, notices, ledger -> {
            ledger.add(ack);
            return ledger.acks(register.truce().id());
        });
        KnownAcks.keep(KnownAcks.folder(location, truceFile), all, notices);
        return ack;
    }

    public AckList list(FileRef file, Clock clock, LedgerChoice ledgerChoice, Consumer<String> notices) {
        Instant now = clock.instant();
        TruceFile truceFile = files.obligations(file);
        String truceId = truceFile.register().truce().id();
        LedgerAccess.Location location = LedgerAccess.locate(truceFile, ledgerChoice, environment);
        List<Ack> acks = LedgerAccess.readIfExists(location, notices, null, ledger -> ledger.acks(truceId));
        if (acks == null) {
            acks = List.of();  // no ledger yet: nothing to copy either
        } else {
            KnownAcks.keep(KnownAcks.folder(location, truceFile), acks, notices);
        }
        Map<String, ObligationStatus> statuses = new StatusService(files, Clock.fixed(now, ZoneOffset.UTC))
                .status(file, AsOf.NOW, StatusFilter.ALL).rows().stream()
                .collect(Collectors.toMap(ObligationStatus::id, Function.identity()));
        List<AckLine> lines = acks.stream().map(ack -> new AckLine(ack,
                Optional.ofNullable(statuses.get(ack.obligationId()))
                        .map(status -> ack.liftedBy(status, now))
                        .orElse(Optional.of("no longer in " + file.label())))).toList();
        return new AckList(truceFile.register().truce().zone(), lines);
    }

    /** Through StatusService, so the compliance state recorded is the one alerts compare against. */
    private ObligationStatus statusOf(FileRef file, Instant now, String id) {
        return new StatusService(files, Clock.fixed(now, ZoneOffset.UTC)).status(file, AsOf.NOW, StatusFilter.ALL)
                .rows().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static void requireText(String option, String value) {
        if (value == null || value.isBlank()) {
            throw TruceException.badInput(option + ": must not be empty (the acks are an audit trail)");
        }
    }
}
