package dev.truce.alert.mail;

import java.util.List;

/**
 * The "changed since the last digest" section as the templates show it: {@code lines} for the HTML part
 * (escaped there), {@code textLines} the same on one line each for the text part; {@code more} says how many
 * were left out.
 */
public record ChangesView(boolean shown, String since, List<String> lines, List<String> textLines, String more) {
    public ChangesView {
        lines = List.copyOf(lines);
        textLines = List.copyOf(textLines);
    }
}
