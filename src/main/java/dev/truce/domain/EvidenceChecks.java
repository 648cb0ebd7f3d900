package dev.truce.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * The checks an evidence value must pass that its type does not say, shared by the evidence.yaml reader
 * and `truce evidence add`, so a value the command accepts is one the reader accepts. Each throws an
 * {@link InvalidValue} whose message does not quote the value.
 */
public final class EvidenceChecks {
    public static final String URL_EXPECTED = "expected a web address starting with http:// or https://";

    private EvidenceChecks() {
    }

    /** {@code ids}: the obligations in obligations.yaml; {@code fileName} names that file in the message. */
    public static String knownObligation(String id, Collection<String> ids, String fileName) {
        if (!ids.contains(id)) {
            throw new InvalidValue("is not an obligation in " + fileName + Suggestions.didYouMean(id, ids));
        }
        return id;
    }

    public static String url(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // refused below like any other bad address
        }
        throw new InvalidValue("is not a web address (" + URL_EXPECTED + ")");
    }

    /** Names (claimant, recorded_by) are one line: they show in table cells and are compared. */
    public static String oneLine(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw InvalidValue.unquoted("must be one line (found a line break)");
        }
        return text;
    }
}
