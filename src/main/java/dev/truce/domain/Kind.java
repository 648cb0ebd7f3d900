package dev.truce.domain;

/**
 * What sort of commitment an obligation is. {@code measure} is not a commitment but a dated measure
 * a desk watches (a surcharge that replaced a voided tariff, say): it runs to its own end date.
 */
@Noun("kind")
public enum Kind implements Labelled {
    PAUSED_TARIFF("paused-tariff"),
    SUSPENDED_COUNTERMEASURE("suspended-countermeasure"),
    EXPORT_CONTROL("export-control"),
    PURCHASE("purchase"),
    MEASURE("measure"),
    OTHER("other");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
