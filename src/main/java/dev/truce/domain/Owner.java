package dev.truce.domain;


/**
 * Who owns an obligation on the desk: a name, an email address, or both ("Ana Lima <ana@desk.example>").
 * Only the address is ever mailed.
 */
public record Owner(String name, String address) {
    public Owner {
        if (name == null && address == null) {
            throw new IllegalArgumentException("an owner needs a name or an address");
        }
    }

    /** As people write it. */
    public String display() {
        if (name == null) {
            return address;
        }
        return address == null ? name : name + " <" + address + ">";
    }

    /** The short form for a table column: the name, else the address's local part. */
    public String shortForm() {
        return name != null ? name : address.substring(0, address.indexOf('@'));
    }

    /** Whether {@code who} (a name or an address, any case) means this owner. */
    public boolean matches(String who) {
        String w = who.strip();
        return (name != null && name.equalsIgnoreCase(w)) || (address != null && address.equalsIgnoreCase(w))
                || (address != null && !w.contains("@") && address.substring(0, address.indexOf('@')).equalsIgnoreCase(w));
    }

    @Override
    public String toString() {
        return display();
    }
}
