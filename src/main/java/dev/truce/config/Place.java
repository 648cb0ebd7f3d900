package dev.truce.config;

import java.io.Serializable;

/** Where a setting is written in obligations.yaml, so a problem found when it is used can point at it. */
public record Place(int line, int column) implements Serializable {
    public String in(String file) {
        return file + ":" + line + ":" + column;
    }
}
