package dev.truce.config;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Owner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses in obligations.yaml. {@link StrictEmails} checks them as the mail library will when it
 * sends (Jakarta Mail's own parser in strict mode): `validate`, `alert`, `ack` and the daemon read the file
 * that way, so an address validate accepts is one a digest can go to. The commands that only show the file
 * (status, show, report, calendar, check) read it with the quick check here, which loads no mail class:
 * they never send to an address, and must start fast.
 */
public final class Emails {
    /** The longest address the ledger stores (RFC 5321 allows 254; the column holds 320). */
    public static final int MAX_LENGTH = 320;
    static final String EXPECTED = "expected name@example.com";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"()\\[\\]\\\\]+@[^@\\s<>,;\"()\\[\\]\\\\]+");
    private static final Pattern NAMED = Pattern.compile("([^<>@]*?)\\s*<([^<>]+)>");

    private Emails() {
    }

    /** A bare address, checked quickly; the message of the error does not quote it. */
    public static String address(String text) {
        String value = text.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("is longer than " + MAX_LENGTH + " characters (" + EXPECTED + ")");
        }
        if (!ADDRESS.matcher(value).matches() || !hasDomain(value)) {
            throw new InvalidValue("is not an email address (" + EXPECTED + ")");
        }
        return value;
    }

    /** A name, an address, or "Name <address>", checked quickly; only the address part is ever mailed. */
    public static Owner owner(String text) {
        String value = text.strip();
        if (!value.contains("@")) {
            return name(value);
        }
        Matcher named = NAMED.matcher(value);
        if (named.matches()) {
            String name = named.group(1).strip();
            return new Owner(name.isEmpty() ? null : name.replaceAll("^\"|\"$", ""), address(named.group(2)));
        }
        return new Owner(null, address(value));
    }

    static Owner name(String value) {
        if (value.contains("<") || value.contains(">") || value.contains("\n")) {
            throw new InvalidValue("is not a name or an address (expected a name, name@example.com, or Name <name@example.com>)");
        }
        return new Owner(value, null);
    }

    static boolean hasDomain(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return domain.contains(".") || domain.equals("localhost");
    }
}
