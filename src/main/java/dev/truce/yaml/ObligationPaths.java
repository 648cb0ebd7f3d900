package dev.truce.yaml;

import dev.truce.yaml.spec.ObligationsFileChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths into obligations.yaml as a person finds their way: {@code obligations[9] (cn-uel-11-suspension).due}
 * rather than {@code obligations[9].due}, since nobody counts list items in a file of a hundred obligations.
 * Only an id that names one obligation is shown: one written twice, or not a valid id, would mislead (and an
 * invalid one is typed text, which a path, shown in mail and logs, must not carry). The described path is for
 * reading only: {@link Paths#position} takes the plain one.
 */
public final class ObligationPaths {
    private static final Pattern OBLIGATION = Pattern.compile("^obligations\\[(\\d+)](?=$|[.\\[])");
    private static final Pattern ID = Pattern.compile(ObligationsFileChecks.ID);

    private ObligationPaths() {
    }

    /**
     * {@code path} with the id of the obligation it goes through after the index, where {@code idsByIndex} has
     * one; any other path as it is.
     */
    public static String describe(String path, Map<Integer, String> idsByIndex) {
        Matcher m = path == null ? null : OBLIGATION.matcher(path);
        if (m == null || !m.find()) {
            return path;
        }
        String id;
        try {
            id = idsByIndex.get(Integer.valueOf(m.group(1)));
        } catch (NumberFormatException e) {
            return path; // an index beyond any file
        }
        return id == null ? path : m.group() + " (" + id + ")" + path.substring(m.end());
    }

    /** The ids that name one obligation each, by index, from the ids in file order (null where there is none). */
    public static Map<Integer, String> idsByIndex(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (String id : ids) {
            if (id != null && !seen.add(id)) {
                twice.add(id);
            }
        }
        Map<Integer, String> byIndex = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id != null && !twice.contains(id) && id.length() <= ObligationsFileChecks.MAX_ID_LENGTH
                    && ID.matcher(id).matches()) {
                byIndex.put(i, id);
            }
        }
        return byIndex;
    }

    /** {@link #idsByIndex(List)} of the obligations written in a file read into {@code root}. */
    public static Map<Integer, String> idsByIndex(YamlNode root) {
        List<String> ids = new ArrayList<>();
        if (root instanceof YamlNode.Mapping m && m.values().get("obligations") instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                ids.add(item instanceof YamlNode.Mapping o && o.values().get("id") instanceof YamlNode.Scalar id
                        && !id.isNull() ? id.text() : null);
            }
        }
        return idsByIndex(ids);
    }

    /** The problems of a file read into {@code root}, their paths described. */
    static List<Problem> describe(List<Problem> problems, YamlNode root) {
        Map<Integer, String> ids = idsByIndex(root);
        return problems.stream().map(p -> p.withPath(describe(p.path(), ids))).toList();
    }
}
