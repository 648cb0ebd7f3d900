package dev.truce.domain.exposure;

import java.util.Objects;

/**
 * One named part of the landed duty on a product at one instant, in percent of its customs value: the base rate,
 * Section 301, or one obligation of the truce. {@code source} says where the rate comes from (a heading of the
 * schedule, the products file, or an obligation's instruments); {@code rate} is two figures when an outcome the
 * layer depends on is not recorded.
 */
public record Layer(Kind kind, String name, String source, Share rate) {
    /** The three families of layers, bottom to top. */
    public enum Kind {
        /** The base: the schedule's general (MFN) rate, or the base_duty a desk gives for a product. */
        BASE("base"),
        /** The US Section 301 China duties the schedule's chapter-99 headings add. */
        SECTION_301("section-301"),
        /** What an obligation of the truce contributes (today's duty_now, one obligation at a time). */
        TRUCE("truce");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Layer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rate, "rate");
    }
}
