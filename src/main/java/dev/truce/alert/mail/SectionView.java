package dev.truce.alert.mail;

import java.util.List;

/**
 * One section of a digest as the templates show it: its title ("Action needed (4)"), a rule as long as the title
 * for the plain-text part, its colour in the HTML part (the bar beside the title and each of its cards), and its
 * items.
 */
public record SectionView(String title, String rule, String colour, List<ItemView> items) {
    public SectionView {
        items = List.copyOf(items);
    }

    static SectionView of(String heading, String colour, List<ItemView> items) {
        String title = heading + " (" + items.size() + ")";
        return new SectionView(title, "-".repeat(title.length()), colour, items);
    }
}
