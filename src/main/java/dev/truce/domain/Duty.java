package dev.truce.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The additional ad valorem duty, in percent, that an obligation holds down in one market: {@code kept}
 * while it holds, {@code lapsed} once it lapses. {@code market} is whose import tariff it is (a party).
 */
public record Duty(String market, BigDecimal kept, BigDecimal lapsed) {
    public Duty {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(lapsed, "lapsed");
    }
}
