package dev.truce.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The additional ad valorem duty, in percent, that an obligation holds down in one market: {@code kept}
 * while it holds, {@code lapsed} once it lapses. {@code market} is whose import tariff it is (a party).
 * {@code origins}: the countries (ISO 3166 codes, such as CN or HK) whose goods pay it, or {@code all}; empty
 * means the goods of the truce's other parties (the default: a US duty of a US–China truce is on goods of China).
 */
public record Duty(String market, BigDecimal kept, BigDecimal lapsed, List<String> origins) {
    public Duty {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(lapsed, "lapsed");
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /** A duty on the goods of the truce's other parties. */
    public Duty(String market, BigDecimal kept, BigDecimal lapsed) {
        this(market, kept, lapsed, List.of());
    }

    /** Whether goods of {@code origin} pay it; {@code parties}: the truce's. */
    public boolean appliesTo(String origin, List<String> parties) {
        if (origins.isEmpty()) {
            return !origin.equals(market) && parties.contains(origin);
        }
        return origins.contains(Products.ALL) || origins.contains(origin);
    }
}
