package dev.truce.config;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Owner;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Email addresses as the mail library will take them when it sends: Jakarta Mail's {@link InternetAddress}
 * in strict mode, one parser for `validate` and `alert` alike ("alice(Bcc:x)@elsewhere" is refused here,
 * not at the first send). Kept apart from {@link Emails} so that the commands that never send load no mail class.
 */
public final class StrictEmails {
    private StrictEmails() {
    }

    /** A bare address (no display name or comment); the message of the error does not quote it. */
    public static String address(String text) {
        InternetAddress parsed = parse(text);
        if (parsed.getPersonal() != null || !parsed.getAddress().equals(text.strip())) {
            throw new InvalidValue("is not a plain email address (" + Emails.EXPECTED + ", with no name or comment)");
        }
        return parsed.getAddress();
    }

    /** A name, an address, or "Name <address>": only the address part is ever mailed. */
    public static Owner owner(String text) {
        String value = text.strip();
        if (!value.contains("@")) {
            return Emails.name(value);
        }
        InternetAddress parsed = parse(value);
        return new Owner(parsed.getPersonal(), parsed.getAddress());
    }

    private static InternetAddress parse(String text) {
        if (text.length() > Emails.MAX_LENGTH) {
            throw new InvalidValue("is longer than " + Emails.MAX_LENGTH + " characters (" + Emails.EXPECTED + ")");
        }
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            if (!Emails.hasDomain(address.getAddress())) {
                throw new InvalidValue("is not an email address (" + Emails.EXPECTED + ": the domain has no dot)");
            }
            // and what the quick check refuses ("a b"@example.com, alice@[127.0.0.1]) is refused here too, so a file
            // validate accepts is one status, show and check read as well
            Emails.address(address.getAddress());
            return address;
        } catch (AddressException e) {
            throw new InvalidValue("is not an email address (" + Emails.EXPECTED + ")");
        }
    }
}
