package dev.truce.domain.exposure;

import java.math.BigDecimal;

/**
 * An additional duty in percent, as it stands if every obligation whose outcome is not recorded was kept
 * ({@code ifKept}) and if every one lapsed ({@code ifLapsed}); the two are equal when nothing is unknown.
 * {@code unrecorded}: an outcome that matters here is not recorded.
 */
public record Share(BigDecimal ifKept, BigDecimal ifLapsed, boolean unrecorded) {
    public static final Share NONE = certain(BigDecimal.ZERO);

    public static Share certain(BigDecimal rate) {
        return new Share(rate, rate, false);
    }

    /** A deadline passed with no outcome recorded: either rate may apply. */
    public static Share either(BigDecimal kept, BigDecimal lapsed) {
        return new Share(kept, lapsed, true);
    }

    public Share plus(Share other) {
        return new Share(ifKept.add(other.ifKept), ifLapsed.add(other.ifLapsed), unrecorded || other.unrecorded);
    }

    /** Whether the rate is known whatever the missing outcomes turn out to be. */
    public boolean known() {
        return ifKept.compareTo(ifLapsed) == 0;
    }
}
