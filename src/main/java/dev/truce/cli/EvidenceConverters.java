package dev.truce.cli;

import dev.truce.domain.Basis;
import dev.truce.domain.EvidenceChecks;
import dev.truce.domain.Stance;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Flag values of the evidence commands, checked by the same rules as the entries of evidence.yaml. */
final class EvidenceConverters {
    private EvidenceConverters() {
    }

    private static TypeConversionException invalid(String message) {
        return new TypeConversionException(message);
    }

    static final class StanceConverter implements ITypeConverter<Stance> {
        @Override
        public Stance convert(String value) {
            return EvidenceChecks.stance(value, message -> {
                throw invalid(message);
            }).orElseThrow();
        }
    }

    static final class BasisConverter implements ITypeConverter<Basis> {
        @Override
        public Basis convert(String value) {
            return EvidenceChecks.basis(value, message -> {
                throw invalid(message);
            }).orElseThrow();
        }
    }

    static final class UrlConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            EvidenceChecks.url(value, message -> {
                throw invalid(message);
            });
            return value;
        }
    }

    /** Free text: a source or a note, any characters, line breaks included, but not blank. */
    static final class TextConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw invalid("is blank");
            }
            return value;
        }
    }

    /** A name: a claimant or who records it, on one line. */
    static final class NameConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            new TextConverter().convert(value);
            EvidenceChecks.oneLine(value, message -> {
                throw invalid(message);
            });
            return value;
        }
    }
}
