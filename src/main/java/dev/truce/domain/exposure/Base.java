package dev.truce.domain.exposure;

import dev.truce.domain.tariff.TariffLine;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where a product's duty outside the truce comes from: the rate the desk gives (base_duty, which wins where
 * given), the US tariff schedule (market US only), or nowhere, when neither is at hand and only the truce's own
 * layer can be shown.
 */
public sealed interface Base {
    /** base_duty from the product list: everything outside the truce, as the desk's broker applies it. */
    record Given(BigDecimal rate) implements Base {
        public Given {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** The product's line of the US schedule, in the revision named (for the layers' sources). */
    record Scheduled(TariffLine line, String revision) implements Base {
        public Scheduled {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** Neither: the landed duty is the truce's layer alone, and every output says so. */
    record NotIncluded() implements Base {
    }

    Base NOT_INCLUDED = new NotIncluded();

    default boolean included() {
        return !(this instanceof NotIncluded);
    }
}
