package dev.truce.yaml;

import dev.truce.config.EntryPlaces;
import dev.truce.config.Place;
import java.util.HashMap;
import java.util.Map;

/** Collects {@link EntryPlaces} from the tree of obligations.yaml: the chains and outcomes, key by key. */
final class EntryPlacesReader {
    private final HashMap<String, Place> places = new HashMap<>();
    private final HashMap<String, Integer> indexes = new HashMap<>();

    private EntryPlacesReader() {
    }

    static EntryPlaces of(YamlNode root) {
        EntryPlacesReader reader = new EntryPlacesReader();
        if (root instanceof YamlNode.Mapping file) {
            if (file.values().get("truce") instanceof YamlNode.Mapping truce) {
                reader.owner(null, truce);
            }
            if (file.values().get("obligations") instanceof YamlNode.Sequence list) {
                for (int i = 0; i < list.items().size(); i++) {
                    if (list.items().get(i) instanceof YamlNode.Mapping o && o.values().get("id") instanceof YamlNode.Scalar id
                            && !id.isNull()) {
                        if (reader.indexes.putIfAbsent(id.text(), i) == null) {
                            reader.owner(id.text(), o);
                        }
                    }
                }
            }
        }
        return new EntryPlaces(reader.places, reader.indexes);
    }

    private void owner(String owner, YamlNode.Mapping mapping) {
        if (mapping.values().get("extensions") instanceof YamlNode.Sequence chain) {
            for (int i = 0; i < chain.items().size(); i++) {
                entry(owner, "extensions[" + i + "]", chain.items().get(i));
            }
        }
        YamlNode outcome = mapping.values().get("outcome");
        if (outcome != null) {
            entry(owner, "outcome", outcome);
        }
    }

    private void entry(String owner, String entry, YamlNode node) {
        put(owner, entry, node.position());
        if (node instanceof YamlNode.Mapping m) {
            for (Map.Entry<String, YamlNode> key : m.values().entrySet()) {
                put(owner, entry + "." + key.getKey(), key.getValue().position());
            }
        }
    }

    private void put(String owner, String entry, Position at) {
        places.put(EntryPlaces.key(owner, entry), new Place(at.line(), at.column()));
    }
}
