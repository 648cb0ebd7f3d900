package dev.truce.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * alerts.recipients from a file that is invalid somewhere else, so that the people it names can be
 * told it is invalid. Reads only that key and ignores every other problem; empty when the file is
 * too broken to say (not YAML, no alerts mapping, no valid address).
 */
public final class SalvagedRecipients {
    private SalvagedRecipients() {
    }

    public static List<String> read(Path path, String label) {
        List<Problem> ignored = new ArrayList<>();
        YamlNode root = new YamlTreeReader(label, YamlTreeReader.configuredMaxBytes(), ignored).read(path);
        if (!(root instanceof YamlNode.Mapping mapping)) {
            return List.of();
        }
        Fields alerts = new Fields(label, "", mapping, ignored).fields("alerts", false, "");
        return alerts == null ? List.of() : List.copyOf(alerts.emails("recipients"));
    }
}
