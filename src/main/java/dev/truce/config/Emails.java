package dev.truce.config;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Owner;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Email addresses as the mail library will take them when it sends: one parser, Jakarta Mail's
 * {@link InternetAddress} in strict mode, for `validate` and `alert` alike, so an address the file
 * accepts is one a digest can go to ("alice(Bcc:x)@elsewhere" is refused here, not at the first send).
 */
public final class Emails {
    /** The longest address the ledger stores (RFC 5321 allows 254; the column holds 320). */
    public static final int MAX_LENGTH = 320;
    static final String EXPECTED = "expected name@example.com";

    private Emails() {
    }

    /** A bare address (no display name), checked strictly; the message of the error does not quote it. */
    public static String address(String text) {
        InternetAddress parsed = parse(text);
        if (parsed.getPersonal() != null || !parsed.getAddress().equals(text.strip())) {
            throw new InvalidValue("is not a plain email address (" + EXPECTED + ", with no name or comment)");
        }
        return parsed.getAddress();
    }

    /** A name, an address, or "Name <address>": only the address part is ever mailed. */
    public static Owner owner(String text) {
        String value = text.strip();
        if (!value.contains("@")) {
            if (value.contains("<") || value.contains(">") || value.contains("\n")) {
                throw new InvalidValue("is not a name or an address (expected a name, name@example.com, or Name <name@example.com>)");
            }
            return new Owner(value, null);
        }
        InternetAddress parsed = parse(value);
        return new Owner(parsed.getPersonal(), parsed.getAddress());
    }

    private static InternetAddress parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValue("is longer than " + MAX_LENGTH + " characters (" + EXPECTED + ")");
        }
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            String domain = address.getAddress().substring(address.getAddress().lastIndexOf('@') + 1);
            if (!domain.contains(".") && !domain.equals("localhost")) {
                throw new InvalidValue("is not an email address (" + EXPECTED + ": the domain has no dot)");
            }
            return address;
        } catch (AddressException e) {
            throw new InvalidValue("is not an email address (" + EXPECTED + ")");
        }
    }
}
