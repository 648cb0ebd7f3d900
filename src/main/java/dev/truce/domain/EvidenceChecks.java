package dev.truce.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The checks an evidence value must pass, shared by the evidence.yaml reader and `truce evidence add`,
 * so a value the command accepts is one the reader accepts. Each reports what is wrong through
 * {@code report} (the caller adds where: a file position or a flag) and returns empty or false.
 */
public final class EvidenceChecks {
    public static final String STANCE_EXPECTED = "expected one of " + String.join(", ", Stance.labels());
    public static final String BASIS_EXPECTED = "expected one of " + String.join(", ", Basis.labels());
    public static final String URL_EXPECTED = "expected a web address starting with http:// or https://";

    private EvidenceChecks() {
    }

    public static Optional<Stance> stance(String text, Consumer<String> report) {
        Optional<Stance> stance = Stance.fromLabel(text);
        if (stance.isEmpty()) {
            report.accept("'" + text + "' is not a stance (" + STANCE_EXPECTED + ")"
                    + Suggestions.didYouMean(text.toLowerCase(Locale.ROOT), Stance.labels()));
        }
        return stance;
    }

    public static Optional<Basis> basis(String text, Consumer<String> report) {
        Optional<Basis> basis = Basis.fromLabel(text);
        if (basis.isEmpty()) {
            report.accept("'" + text + "' is not a basis (" + BASIS_EXPECTED + ")"
                    + Suggestions.didYouMean(text.toLowerCase(Locale.ROOT), Basis.labels()));
        }
        return basis;
    }

    /** {@code ids}: the obligations in obligations.yaml; {@code fileName} names that file in the message. */
    public static boolean knownObligation(String id, Collection<String> ids, String fileName, Consumer<String> report) {
        if (ids.contains(id)) {
            return true;
        }
        report.accept("no obligation '" + id + "' in " + fileName + Suggestions.didYouMean(id, ids));
        return false;
    }

    public static boolean url(String text, Consumer<String> report) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below like any other bad address
        }
        report.accept("'" + text + "' is not a web address (" + URL_EXPECTED + ")");
        return false;
    }

    /** Names (claimant, recorded_by) are one line: they show in table cells and are compared. */
    public static boolean oneLine(String text, Consumer<String> report) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            report.accept("must be one line (found a line break)");
            return false;
        }
        return true;
    }
}
