package dev.truce.cli;

import dev.truce.domain.EvidenceChecks;
import dev.truce.domain.InvalidValue;
import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Flag values of the evidence commands, checked by the same rules as the entries of evidence.yaml. */
final class EvidenceConverters {
    private EvidenceConverters() {
    }

    static final class UrlConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return EvidenceChecks.url(value);
            } catch (InvalidValue e) {
                throw new TypeConversionException("'" + value + "' " + e.getMessage());
            }
        }
    }

    /** Free text: a source or a note, any characters, line breaks included, but not blank. */
    static final class TextConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("is blank");
            }
            return value;
        }
    }

    /** A name: a claimant or who records it, on one line. */
    static final class NameConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            new TextConverter().convert(value);
            try {
                return EvidenceChecks.oneLine(value);
            } catch (InvalidValue e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A cumulative amount, in the target's unit: a number, 0 or more. */
    static final class AmountConverter implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                BigDecimal amount = new BigDecimal(value.trim());
                if (amount.signum() >= 0) {
                    return amount;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException("'" + value + "' is not an amount (expected a number, 0 or more, "
                    + "in the target's unit, e.g. 0.332)");
        }
    }
}
