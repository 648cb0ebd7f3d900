package dev.truce.config;


/** Where a setting is written in obligations.yaml, so a problem found when it is used can point at it. */
public record Place(int line, int column) {
    public String in(String file) {
        return file + ":" + line + ":" + column;
    }
}
