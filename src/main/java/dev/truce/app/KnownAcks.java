package dev.truce.app;

import dev.truce.domain.Ack;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.Labels;
import dev.truce.domain.ObligationStatus;
import dev.truce.state.StateFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The acks as the ledger last gave them, copied into the state folder whenever truce reads or writes acks
 * (`ack`, `ack list`, every alert run and daemon fire), so `status`, `show`, `check` and the briefing can show
 * who acked what without opening the ledger's database. A copy that cannot be read counts as no acks: the
 * worst case is an ack not shown until the next alert run.
 */
public final class KnownAcks {
    public static final String FILE_NAME = "acks.properties";

    private KnownAcks() {
    }

    /**
     * Where the copy (and the alert heartbeat) goes: beside an embedded ledger (--state DIR keeps everything
     * there), else in the file's state folder, which `status` and `check` read unless given --state.
     */
    static Path folder(LedgerAccess.Location ledger, dev.truce.config.TruceFile file) {
        return ledger.state() != null ? ledger.state() : file.stateDirectory();
    }

    /** Replaces the copy with {@code acks}; a failure is told to {@code notices}, never fatal. */
    static void keep(Path stateDirectory, List<Ack> acks, java.util.function.Consumer<String> notices) {
        Properties properties = new Properties();
        for (int i = 0; i < acks.size(); i++) {
            Ack ack = acks.get(i);
            String key = "ack." + i + ".";
            properties.setProperty(key + "truce", ack.truceId());
            properties.setProperty(key + "obligation", ack.obligationId());
            properties.setProperty(key + "at", ack.ackedAt().toString());
            properties.setProperty(key + "state", ack.state().label());
            set(properties, key + "by", ack.by());
            set(properties, key + "reason", ack.reason());
            set(properties, key + "until_date", ack.untilDate() == null ? null : ack.untilDate().toString());
            set(properties, key + "until", ack.until() == null ? null : ack.until().toString());
            set(properties, key + "deadline", ack.deadline() == null ? null : ack.deadline().toString());
        }
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "truce: a copy of the acks in the alert ledger, for status and check (do not edit)");
            StateFiles.write(stateDirectory.resolve(FILE_NAME), text.toString());
        } catch (IOException | RuntimeException e) {
            notices.accept("warning: cannot keep a copy of the acks in " + stateDirectory + " (" + e.getMessage()
                    + "): status and check may not show the latest acks");
        }
    }

    /** Every ack copied for this truce, in the order given; none when there is no readable copy. */
    static List<Ack> read(Path stateDirectory, String truceId) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(StateFiles.read(stateDirectory.resolve(FILE_NAME)).orElse("")));
            List<Ack> acks = new ArrayList<>();
            for (int i = 0; properties.containsKey("ack." + i + ".obligation"); i++) {
                String key = "ack." + i + ".";
                if (!truceId.equals(properties.getProperty(key + "truce"))) {
                    continue;
                }
                acks.add(new Ack(truceId, properties.getProperty(key + "obligation"),
                        Instant.parse(properties.getProperty(key + "at")), properties.getProperty(key + "by"),
                        properties.getProperty(key + "reason"), date(properties.getProperty(key + "until_date")),
                        instant(properties.getProperty(key + "until")),
                        Labels.require(ComplianceState.class, properties.getProperty(key + "state")),
                        instant(properties.getProperty(key + "deadline"))));
            }
            return acks;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The newest ack that silences each obligation at {@code asOf}, among those given by then. */
    static Map<String, Ack> inForce(List<Ack> acks, List<ObligationStatus> statuses, Instant asOf) {
        Map<String, Ack> inForce = new HashMap<>();
        for (ObligationStatus status : statuses) {
            acks.stream().filter(a -> !a.ackedAt().isAfter(asOf) && a.silences(status, asOf))
                    .max(Comparator.comparing(Ack::ackedAt))
                    .ifPresent(a -> inForce.put(status.id(), a));
        }
        return inForce;
    }

    private static void set(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
