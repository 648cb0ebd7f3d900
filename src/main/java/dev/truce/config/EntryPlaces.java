package dev.truce.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the entries a warning may point at are written in obligations.yaml: each extension of the truce and of
 * every obligation, and each outcome, with the places of their keys ({@code extensions[2].decided}). Kept with
 * the file as read (and in the parse cache) because warnings depend on today's date, which a cached read must
 * not bake in. {@code indexes}: each obligation's position in the list, for paths such as
 * {@code obligations[9] (cn-uel-11-suspension).extensions[1].until}.
 */
public record EntryPlaces(HashMap<String, Place> places, HashMap<String, Integer> indexes) {
    public static final EntryPlaces NONE = new EntryPlaces(new HashMap<>(), new HashMap<>());

    /** The place of {@code entry} ("extensions[1].until") in the truce ({@code owner} null) or an obligation. */
    public Optional<Place> of(String owner, String entry) {
        return Optional.ofNullable(places.get(key(owner, entry)));
    }

    /** "truce.extensions[1]", or "obligations[9] (cn-uel-11-suspension).extensions[1]". */
    public String path(String owner, String entry) {
        if (owner == null) {
            return "truce." + entry;
        }
        Integer index = indexes.get(owner);
        return (index == null ? owner : "obligations[" + index + "] (" + owner + ")") + "." + entry;
    }

    public static String key(String owner, String entry) {
        return (owner == null ? "" : owner) + "/" + entry;
    }

    public Map<String, Place> all() {
        return Map.copyOf(places);
    }
}
