package dev.truce.alert;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Obligation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Who hears about an obligation: alerts.recipients, then its owner, then its own recipients; each once. */
public final class Recipients {
    private Recipients() {
    }

    public static List<String> of(AlertSettings alerts, Obligation obligation) {
        Set<String> all = new LinkedHashSet<>();
        alerts.recipients().forEach(r -> all.add(normal(r)));
        obligation.ownerAddress().ifPresent(r -> all.add(normal(r)));
        obligation.recipients().forEach(r -> all.add(normal(r)));
        return List.copyOf(all);
    }

    /** Addresses are compared, stored and sent to in lower case, so Desk@x and desk@x get one digest. */
    public static String normal(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
