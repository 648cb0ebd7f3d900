package dev.truce.cli;

import dev.truce.domain.InvalidValue;
import dev.truce.domain.Kind;
import dev.truce.domain.Labelled;
import dev.truce.domain.Labels;
import dev.truce.domain.Stance;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A flag whose value is one of a {@link Labelled} enum's labels, with the same message as the files:
 * "'complys' is not a stance (expected one of ...); did you mean 'complies'?".
 */
abstract class LabelConverter<E extends Enum<E> & Labelled> implements ITypeConverter<E> {
    private final Class<E> type;

    LabelConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        try {
            return Labels.require(type, value);
        } catch (InvalidValue e) {
            throw new TypeConversionException("'" + value + "' " + e.getMessage());
        }
    }

    static final class KindConverter extends LabelConverter<Kind> {
        KindConverter() {
            super(Kind.class);
        }
    }

    static final class StanceConverter extends LabelConverter<Stance> {
        StanceConverter() {
            super(Stance.class);
        }
    }

    static final class BasisConverter extends LabelConverter<dev.truce.domain.Basis> {
        BasisConverter() {
            super(dev.truce.domain.Basis.class);
        }
    }

    static final class ComplianceConverter extends LabelConverter<dev.truce.domain.ComplianceState> {
        ComplianceConverter() {
            super(dev.truce.domain.ComplianceState.class);
        }
    }

    static final class OutcomeResultConverter extends LabelConverter<dev.truce.domain.OutcomeResult> {
        OutcomeResultConverter() {
            super(dev.truce.domain.OutcomeResult.class);
        }
    }

    static final class TimelineConverter extends LabelConverter<dev.truce.domain.TimelineState> {
        TimelineConverter() {
            super(dev.truce.domain.TimelineState.class);
        }
    }
}
