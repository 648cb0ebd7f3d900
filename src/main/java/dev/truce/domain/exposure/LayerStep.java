package dev.truce.domain.exposure;

import java.time.Instant;
import java.util.List;

/**
 * From {@code from} on (until the next step), a product's layers: those outside the truce (base first) and the
 * truce layer, one number or two when an outcome is missing.
 */
public record LayerStep(Instant from, List<Layer> outside, Share truce) {
    public LayerStep {
        outside = List.copyOf(outside);
    }

    /** The landed duty: the outside layers plus the truce layer. */
    public Share landed() {
        Share total = truce;
        for (Layer layer : outside) {
            total = total.plus(layer.rate());
        }
        return total;
    }

    boolean sameLayers(LayerStep other) {
        return outside.equals(other.outside) && truce.equals(other.truce);
    }
}
